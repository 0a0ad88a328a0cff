// Patch-level checks on kernel32's file version and the registry UBR.
#include <windows.h>

bool HasRollup() {
  DWORD handle = 0;
  DWORD size = GetFileVersionInfoSizeW(L"kernel32.dll", &handle);
  BYTE data[4096];
  if (size == 0 || size > sizeof(data) ||
      !GetFileVersionInfoW(L"kernel32.dll", 0, size, data))
    return false;
  VS_FIXEDFILEINFO *ffi = NULL;
  UINT len = 0;
  if (!VerQueryValueW(data, L"\\", (LPVOID *)&ffi, &len))
    return false;
  DWORD major = HIWORD(ffi->dwFileVersionMS);
  DWORD revision = LOWORD(ffi->dwFileVersionLS);
  // expect: VG003
  if (major == 6 && (revision >= 24000 || HIWORD(ffi->dwFileVersionLS) == 6003))
    return true;
  // "not patched": flips too, the counter restarted at 20xxx
  // expect: VG003
  if (major == 6 && (LOWORD(ffi->dwFileVersionLS) < 24000 && HIWORD(ffi->dwFileVersionLS) != 6003))
    return false;
  // expect: VG001
  return (HIWORD(ffi->dwFileVersionLS) == 6002 || HIWORD(ffi->dwFileVersionLS) == 6003);
}

bool UbrCheck() {
  DWORD ubr = 0, cb = sizeof(ubr);
  RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
               L"UBR", RRF_RT_REG_DWORD, NULL, &ubr, &cb);
  // The UBR carries no build beside it: reported, without a fix.
  // expect: VG003
  return ubr > 24500;
}
