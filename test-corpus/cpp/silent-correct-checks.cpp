// Checks that behave the same on build 6002 and 6003: verguard stays silent.
#include <windows.h>
#include <versionhelpers.h>
#include <cstdio>
#include <string>

#define DEFAULT_PORT 6002
#define ERROR_SOMETHING 6002L

bool AtLeastSp2() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  GetVersionExW((OSVERSIONINFOW *)&osvi);
  if (osvi.dwBuildNumber >= 6002)
    return true;
  if (osvi.dwBuildNumber > 6001)
    return true;
  if (osvi.dwBuildNumber < 6002)
    return false;
  return IsWindowsVersionOrGreater(6, 0, 2) && IsWindowsVistaSP2OrGreater();
}

bool KnowsTheBump() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  GetVersionExW((OSVERSIONINFOW *)&osvi);
  if (osvi.dwBuildNumber == 6002 || osvi.dwBuildNumber == 6003)
    return true;
  DWORD old = osvi.dwBuildNumber, now = osvi.dwBuildNumber;
  if (!(old == 6002 && now == 6003))
    return false;
  switch (osvi.dwBuildNumber) {
  case 6002:
  case 6003:
    return true;
  default:
    return false;
  }
}

bool GreaterEqualMask() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi), 6, 0, 6002};
  DWORDLONG mask = 0;
  VER_SET_CONDITION(mask, VER_MAJORVERSION, VER_GREATER_EQUAL);
  VER_SET_CONDITION(mask, VER_MINORVERSION, VER_GREATER_EQUAL);
  VER_SET_CONDITION(mask, VER_BUILDNUMBER, VER_GREATER_EQUAL);
  return VerifyVersionInfoW(&osvi, VER_MAJORVERSION | VER_MINORVERSION | VER_BUILDNUMBER, mask);
}

int NotVersions(int port, long err, const char *name) {
  char buffer[6002];
  if (port == DEFAULT_PORT)
    return 1;
  if (err == ERROR_SOMETHING)
    return 2;
  if (sizeof(buffer) == 6002)
    return 3;
  if (std::string(name) == "6002")
    return 4;
  return 0;
}

void PrintBuild() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  // Windows Server 2008 SP2 is build 6002; this only prints it.
  printf("build %lu (SP2 is 6002)\n", vi.dwBuildNumber);
}

bool Windows10Ladder() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  GetVersionExW((OSVERSIONINFOW *)&osvi);
  if (osvi.dwBuildNumber >= 22000)
    return true;
  if (osvi.dwBuildNumber >= 19041)
    return true;
  if (osvi.dwMajorVersion >= 10)
    return true;
  return osvi.dwMajorVersion == 6 && osvi.dwMinorVersion == 1;
}

static const DWORD kKnown[] = {6000, 6001, 6002, 6003, 7601};
bool IsKnown() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  for (DWORD b : kKnown)
    if (b == vi.dwBuildNumber)
      return true;
  for (size_t i = 0; i < 5; ++i)
    if (kKnown[i] == vi.dwBuildNumber)
      return true;
  return false;
}

bool PatchedByBuildAndRevision() {
  DWORD handle = 0;
  BYTE data[4096];
  GetFileVersionInfoW(L"kernel32.dll", 0, sizeof(data), data);
  VS_FIXEDFILEINFO *ffi = NULL;
  UINT len = 0;
  VerQueryValueW(data, L"\\", (LPVOID *)&ffi, &len);
  (void)handle;
  return HIWORD(ffi->dwFileVersionLS) > 6002 || LOWORD(ffi->dwFileVersionLS) >= 24000 ||
         HIWORD(ffi->dwFileVersionLS) < 6002;
}

bool StringsThatAreFine() {
  const char *comment = "requires 6.0.6002 or later";
  std::wstring product = L"Windows Server 2008 SP2 (6002)";
  return comment != nullptr && !product.empty();
}

// The agent's own version, read the same way as the OS's from a system
// binary: 6002 here is the product's build, not Windows's.
bool AgentIsBuild6002() {
  BYTE data[4096];
  GetFileVersionInfoW(L"C:\\Program Files\\Contoso\\Agent\\agent.exe", 0,
                      sizeof(data), data);
  VS_FIXEDFILEINFO *ffi = NULL;
  UINT len = 0;
  VerQueryValueW(data, L"\\", (LPVOID *)&ffi, &len);
  return HIWORD(ffi->dwFileVersionLS) == 6002 ||
         LOWORD(ffi->dwFileVersionLS) >= 24000;
}

// The program's own file, named by GetModuleFileName, carries the product's
// version; so do structures and parameters named for another product.
static DWORD FileBuildOf(const wchar_t *path) {
  BYTE data[4096];
  if (!GetFileVersionInfoW(path, 0, sizeof(data), data))
    return 0;
  VS_FIXEDFILEINFO *ffi = NULL;
  UINT len = 0;
  if (!VerQueryValueW(data, L"\\", (LPVOID *)&ffi, &len))
    return 0;
  return HIWORD(ffi->dwFileVersionLS);
}

bool SelfIsBuild6002() {
  wchar_t self[MAX_PATH];
  GetModuleFileNameW(NULL, self, MAX_PATH);
  return FileBuildOf(self) == 6002;
}

struct AppVer {
  DWORD major, minor, build;
};

bool AgentTooOld(const AppVer &app) { return app.build <= 6002; }

bool FilterDriverTooOld(DWORD driverBuild) { return driverBuild == 6002; }
