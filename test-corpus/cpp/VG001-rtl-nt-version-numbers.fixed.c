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

/* A helper hands its own out-parameters to the API and masks what it
   wrote. */
static void QueryNtVersion(DWORD *major, DWORD *minor, DWORD *build) {
  RtlGetNtVersionNumbers(major, minor, build);
  *build &= 0x0FFFFFFF;
}

static void QueryNtBuild(DWORD *build) {
  DWORD major, minor;
  RtlGetNtVersionNumbers(&major, &minor, build);
  *build = *build & 0xFFFF;
}

static BOOL ForwardedIsSp2(void) {
  DWORD major, minor, build, build2;
  QueryNtVersion(&major, &minor, &build);
  QueryNtBuild(&build2);
  /* expect: VG001 */
  if (build == 6002 || build == 6003)
    return TRUE;
  /* expect: VG001 */
  return build2 <= 6003;
}

/* Silent: the flag bits are still set, so this never held on any build. */
static void QueryRawBuild(DWORD *build) {
  DWORD major, minor;
  RtlGetNtVersionNumbers(&major, &minor, build);
}

static BOOL RawIsSp2(void) {
  DWORD build;
  QueryRawBuild(&build);
  return build == 6002;
}

int main(void) {
  return ResolvedIsSp2() + AssignedBeforeBump() + DeclaredIsAtMostSp2() +
         HasWindows7() + IsVista() + ForwardedIsSp2() + RawIsSp2();
}
