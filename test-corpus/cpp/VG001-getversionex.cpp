// Version checks on OSVERSIONINFOEX, the way installers and agents write them.
#include <windows.h>

#define SP2_BUILD 6002
#define VISTA_SP1_BUILD 6001
enum KnownBuild { kBuildVistaRtm = 6000, kBuildSp2 = 6002 };
static constexpr DWORD kSp2 = 6002;
static const DWORD kFirstUnsupported = 6003;

static OSVERSIONINFOEXW QueryVersion() {
  OSVERSIONINFOEXW osvi;
  ZeroMemory(&osvi, sizeof(osvi));
  osvi.dwOSVersionInfoSize = sizeof(osvi);
  GetVersionExW((LPOSVERSIONINFOW)&osvi);
  return osvi;
}

bool IsServer2008Sp2() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  GetVersionExW((OSVERSIONINFOW *)&osvi);
  // expect: VG001
  return osvi.dwMajorVersion == 6 && osvi.dwMinorVersion == 0 && osvi.dwBuildNumber == 6002;
}

bool IsSp2ByBuildOnly() {
  OSVERSIONINFOEXA osvi = {sizeof(osvi)};
  GetVersionExA((OSVERSIONINFOA *)&osvi);
  // expect: VG001
  if (osvi.dwBuildNumber == SP2_BUILD)
    return true;
  return false;
}

int SupportLevel() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  // expect: VG001
  if (osvi.dwBuildNumber <= 6002)
    return 1;
  // expect: VG001
  if (osvi.dwBuildNumber < kFirstUnsupported)
    return 2;
  return 3;
}

bool HasWin7Apis() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  // "newer than SP2, so Windows 7 APIs exist"
  // expect: VG001
  return vi.dwBuildNumber > 6002;
}

bool InVistaRange() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  // expect: VG001
  return vi.dwBuildNumber >= 6000 && vi.dwBuildNumber < 6003;
}

const wchar_t *ServicePackName() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  switch (osvi.dwBuildNumber) {
  case kBuildVistaRtm:
    return L"RTM";
  case VISTA_SP1_BUILD:
    return L"SP1";
  // expect: VG001
  case 6002:
    return L"SP2";
  default:
    return L"unsupported";
  }
}

bool NotSp2() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  // expect: VG001
  if (osvi.dwBuildNumber != kBuildSp2)
    return true;
  return false;
}

int WaitForSp2() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  int tries = 0;
  // expect: VG001
  while (osvi.dwBuildNumber == kSp2 && tries < 3)
    ++tries;
  return tries;
}

const char *Describe() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  // expect: VG001
  return osvi.dwBuildNumber == 6002 ? "sp2" : "other";
}

bool IsOldVista() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  // expect: VG001
  bool old = !(osvi.dwBuildNumber > 6002);
  return old;
}

struct OsInfo {
  DWORD build;
  DWORD major;
};

bool FromCopy() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  OSVERSIONINFOEXW copy = osvi;
  // expect: VG001
  return copy.dwBuildNumber == 6002;
}

bool FromStruct() {
  OSVERSIONINFOEXW osvi = QueryVersion();
  OsInfo info;
  info.build = osvi.dwBuildNumber;
  info.major = osvi.dwMajorVersion;
  // expect: VG001
  return info.major == 6 && info.build == 6002;
}
