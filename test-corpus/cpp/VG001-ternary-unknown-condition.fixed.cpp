// A build chosen by a condition that has nothing to do with the version
// (`ok ? vi.dwBuildNumber : 0`, whether the call succeeded): the condition is
// the same on both builds, so when it holds the guard flips; when it does
// not, the build plays no part.
#include <windows.h>

bool IsSp2(bool verbose) {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  BOOL ok = GetVersionExW((LPOSVERSIONINFOW)&vi);
  DWORD build = ok ? vi.dwBuildNumber : 0;
  // expect: VG001
  if (build == 6002 || build == 6003)
    return true;
  return false;
}

DWORD LegacyAgentLevel(bool haveInfo) {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  GetVersionExW((LPOSVERSIONINFOW)&vi);
  // expect: VG001
  return (haveInfo ? vi.dwBuildNumber : 7601) <= 6003 ? 1 : 2;
}

bool SupportsRollups() {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  BOOL ok = GetVersionExW((LPOSVERSIONINFOW)&vi);
  DWORD build = ok ? vi.dwBuildNumber : 0;
  // Already fine: 6003 passes too.
  return build >= 6002;
}
