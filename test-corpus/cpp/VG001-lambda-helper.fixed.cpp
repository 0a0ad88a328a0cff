// A helper written as a lambda, called with 6002 in one place and 7601 in
// another: only the first call changes with the bump.
#include <windows.h>

int Decide() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  auto isBuild = [&](DWORD b) { return vi.dwBuildNumber == b; };
  auto atMost = [&vi](DWORD b) -> bool { return vi.dwBuildNumber <= b; };
  int r = 0;
  // expect: VG001
  if (isBuild(6002))
    r |= 1;
  // Silent: Windows 7 is 7601 before and after.
  if (isBuild(7601))
    r |= 2;
  // expect: VG001
  if (atMost(6003))
    r |= 4;
  // Silent: both builds are at most 7600.
  if (atMost(7600))
    r |= 8;
  return r;
}
