/* ntdll's RtlGetNtVersionNumbers reports the build with flag bits in its
   high nibble; code masks them off before comparing. */
#include <windows.h>

typedef void(WINAPI *GetNtVersionNumbersFn)(DWORD *, DWORD *, DWORD *);

static BOOL ResolvedIsSp2(void) {
  DWORD major = 0, minor = 0, build = 0;
  GetNtVersionNumbersFn get = (GetNtVersionNumbersFn)GetProcAddress(
      GetModuleHandleW(L"ntdll.dll"), "RtlGetNtVersionNumbers");
  if (!get)
    return FALSE;
  get(&major, &minor, &build);
  build &= 0x0FFFFFFF;
  /* expect: VG001 */
  return major == 6 && minor == 0 && build >= 6002;
}

static GetNtVersionNumbersFn g_getNumbers;

static BOOL AssignedBeforeBump(void) {
  DWORD major, minor, build;
  g_getNumbers = (GetNtVersionNumbersFn)GetProcAddress(
      GetModuleHandleW(L"ntdll.dll"), "RtlGetNtVersionNumbers");
  g_getNumbers(&major, &minor, &build);
  build = build & 0x0FFFFFFF;
  /* expect: VG001 */
  return build < 6004;
}

void WINAPI RtlGetNtVersionNumbers(DWORD *major, DWORD *minor, DWORD *build);

static BOOL DeclaredIsAtMostSp2(void) {
  DWORD major, minor, build;
  RtlGetNtVersionNumbers(&major, &minor, &build);
  /* expect: VG001 */
  return (build & 0xFFFF) <= 6003;
}

/* Silent: past the bump on both builds, and major/minor only. */
static BOOL HasWindows7(void) {
  DWORD major, minor, build;
  RtlGetNtVersionNumbers(&major, &minor, &build);
  build &= 0x0FFFFFFF;
  return build >= 7600;
}

static BOOL IsVista(void) {
  DWORD major, minor, build;
  RtlGetNtVersionNumbers(&major, &minor, &build);
  return major == 6 && minor == 0;
}

int main(void) {
  return ResolvedIsSp2() + AssignedBeforeBump() + DeclaredIsAtMostSp2() +
         HasWindows7() + IsVista();
}
