// Out-parameters the way real helpers write them: a default stored first
// (or on failure), and C++ references.
#include <windows.h>

#include <string>

static void GetOsBuild(DWORD *build) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  *build = 0;
  if (GetVersionExW(&vi))
    *build = vi.dwBuildNumber;
}

static bool GetOsVersion(DWORD &major, DWORD &minor, DWORD &build) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  major = minor = build = 0;
  if (!GetVersionExW(&vi))
    return false;
  major = vi.dwMajorVersion;
  minor = vi.dwMinorVersion;
  build = vi.dwBuildNumber;
  return true;
}

static void GetBuildRef(DWORD &build) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  build = vi.dwBuildNumber;
}

// The registry API writes through the helper's own pointer.
static void ReadUbr(DWORD *ubr) {
  DWORD cb = sizeof(*ubr);
  RegGetValueW(HKEY_LOCAL_MACHINE,
               L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"UBR",
               RRF_RT_REG_DWORD, NULL, ubr, &cb);
}

// A fallback source: both returns are the build.
static DWORD OsBuild() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  if (!GetVersionExW(&vi))
    return HIWORD(GetVersion());
  return vi.dwBuildNumber;
}

// An empty string on failure.
static std::wstring ReadCurrentVersion(const wchar_t *name) {
  wchar_t buf[64] = {};
  DWORD cb = sizeof(buf);
  if (RegGetValueW(HKEY_LOCAL_MACHINE,
                   L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", name,
                   RRF_RT_REG_SZ, nullptr, buf, &cb) != ERROR_SUCCESS)
    return std::wstring();
  return std::wstring(buf);
}

// The value name is the caller's, and so is the buffer.
static BOOL QueryCurrentVersion(const wchar_t *name, wchar_t *out, DWORD cb) {
  return RegGetValueW(HKEY_LOCAL_MACHINE,
                      L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", name,
                      RRF_RT_REG_SZ, NULL, out, &cb) == ERROR_SUCCESS;
}

// Not a version: the caller's own setting, through a reference.
static void GetRetryCount(DWORD &count) { count = 6002; }

int CheckPlatform() {
  DWORD b = 0;
  GetOsBuild(&b);
  // expect: VG001
  if (b == 6002)
    return 1;
  DWORD major, minor, build;
  if (GetOsVersion(major, minor, build)) {
    // expect: VG001
    if (major == 6 && minor == 0 && build <= 6002)
      return 2;
    // Silent: true on both builds.
    if (major == 6 && build >= 6002)
      return 3;
  }
  DWORD r = 0;
  GetBuildRef(r);
  // expect: VG001
  if (r < 6003)
    return 4;
  DWORD ubr = 0;
  ReadUbr(&ubr);
  // expect: VG003
  if (ubr >= 24000)
    return 6;
  // expect: VG001
  if (OsBuild() <= 6002)
    return 7;
  // expect: VG002
  if (ReadCurrentVersion(L"CurrentBuildNumber") == L"6002")
    return 8;
  wchar_t current[16] = L"";
  QueryCurrentVersion(L"CurrentBuildNumber", current, sizeof(current));
  // expect: VG002
  if (wcscmp(current, L"6002") == 0)
    return 9;
  // Silent: true on both builds.
  if (_wtoi(current) >= 6000)
    return 10;
  DWORD retries = 0;
  GetRetryCount(retries);
  if (retries == 6002)
    return 5;
  return 0;
}
