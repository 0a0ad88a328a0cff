// Out-parameters the way real helpers write them: a default stored first
// (or on failure), and C++ references.
#include <windows.h>

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
  DWORD retries = 0;
  GetRetryCount(retries);
  if (retries == 6002)
    return 5;
  return 0;
}
