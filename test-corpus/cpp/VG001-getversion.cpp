// GetVersion(), RtlGetNtVersionNumbers and RtlGetVersion through a function
// pointer: the shapes found in drivers, agents and older installers.
#include <windows.h>

typedef LONG(WINAPI *RtlGetVersionFn)(PRTL_OSVERSIONINFOW);
typedef void(WINAPI *RtlGetNtVersionNumbersFn)(DWORD *, DWORD *, DWORD *);

bool ByGetVersion() {
  DWORD v = GetVersion();
  DWORD major = (DWORD)(LOBYTE(LOWORD(v)));
  DWORD build = 0;
  if (v < 0x80000000)
    build = (DWORD)(HIWORD(v));
  // expect: VG001
  if (major == 6 && build == 6002)
    return true;
  // expect: VG001
  if (((v >> 16) & 0xFFFF) <= 6002)
    return true;
  return false;
}

bool ByRtlGetVersion() {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  RtlGetVersionFn fn = (RtlGetVersionFn)GetProcAddress(ntdll, "RtlGetVersion");
  RTL_OSVERSIONINFOEXW rv = {sizeof(rv)};
  if (!fn || fn((PRTL_OSVERSIONINFOW)&rv) != 0)
    return false;
  // expect: VG001
  return rv.dwBuildNumber == 6002;
}

bool ByNtVersionNumbers() {
  HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
  auto fn = (RtlGetNtVersionNumbersFn)GetProcAddress(ntdll, "RtlGetNtVersionNumbers");
  DWORD major = 0, minor = 0, build = 0;
  fn(&major, &minor, &build);
  // The build carries flag bits in its high nibble.
  // expect: VG001
  return (build & 0xFFFF) == 6002;
}
