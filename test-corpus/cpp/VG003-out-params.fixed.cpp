// The kernel32 file version read in a helper and handed back through
// out-parameters: the revision threshold's fix must name the caller's own
// build variable, not the helper's locals.
#include <windows.h>

static bool Kernel32Version(DWORD *major, DWORD *minor, DWORD *build,
                            DWORD *revision) {
  DWORD handle = 0;
  DWORD size = GetFileVersionInfoSizeW(L"kernel32.dll", &handle);
  if (!size)
    return false;
  BYTE buf[4096];
  if (!GetFileVersionInfoW(L"kernel32.dll", 0, sizeof buf, buf))
    return false;
  VS_FIXEDFILEINFO *ffi = nullptr;
  UINT len = 0;
  if (!VerQueryValueW(buf, L"\\", (void **)&ffi, &len))
    return false;
  *major = HIWORD(ffi->dwFileVersionMS);
  *minor = LOWORD(ffi->dwFileVersionMS);
  *build = HIWORD(ffi->dwFileVersionLS);
  *revision = LOWORD(ffi->dwFileVersionLS);
  return true;
}

// Only the revision comes back: no build in scope, so no fix is offered.
static bool KernelRevision(DWORD *revision) {
  BYTE buf[4096];
  if (!GetFileVersionInfoW(L"kernel32.dll", 0, sizeof buf, buf))
    return false;
  VS_FIXEDFILEINFO *ffi = nullptr;
  UINT len = 0;
  if (!VerQueryValueW(buf, L"\\", (void **)&ffi, &len))
    return false;
  *revision = LOWORD(ffi->dwFileVersionLS);
  return true;
}

bool HasSp2Rollup() {
  DWORD major, minor, build, revision;
  if (!Kernel32Version(&major, &minor, &build, &revision))
    return false;
  // expect: VG003
  return (revision >= 24200 || build == 6003);
}

bool HasSp2RollupToo() {
  DWORD revision = 0;
  if (!KernelRevision(&revision))
    return false;
  // expect: VG003
  return revision >= 24200;
}
