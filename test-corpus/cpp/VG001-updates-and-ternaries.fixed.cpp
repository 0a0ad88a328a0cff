// Values changed in place, and helpers that return through a ternary.
#include <windows.h>

static DWORD RawBuild() {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  if (!GetVersionExW(reinterpret_cast<OSVERSIONINFOW *>(&vi)))
    return 0;
  return vi.dwBuildNumber;
}

// GetVersion(): the build is the high word, unless the top bit says Win9x.
static DWORD BuildFromGetVersion() {
  DWORD v = GetVersion();
  return v & 0x80000000 ? 0 : HIWORD(v);
}

bool IsSp2Masked() {
  DWORD b = RawBuild();
  b &= 0x0000FFFF;
  // expect: VG001
  return (b == 6002 || b == 6003);
}

bool IsSp2Shifted() {
  DWORD b = RawBuild();
  b = b << 4;
  // expect: VG001
  return b == (6002 << 4);
}

bool IsSp2ByGetVersion() {
  // expect: VG001
  return BuildFromGetVersion() == 6002;
}

bool SafeLater() {
  DWORD b = RawBuild();
  b |= 0;
  return b >= 6002;
}
