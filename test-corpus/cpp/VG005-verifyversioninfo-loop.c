/* VerifyVersionInfo asked once per known build with VER_EQUAL: a lookup of
   the running build in the array, which knows 6002 but not 6003. */
#include <windows.h>

static BOOL IsSupportedServer2008(void) {
  /* expect: VG005 */
  static const DWORD builds[] = {6001, 6002};
  OSVERSIONINFOEXW osvi;
  DWORDLONG mask = 0;
  int i;
  VER_SET_CONDITION(mask, VER_MAJORVERSION, VER_EQUAL);
  VER_SET_CONDITION(mask, VER_BUILDNUMBER, VER_EQUAL);
  for (i = 0; i < (int)(sizeof(builds) / sizeof(builds[0])); ++i) {
    ZeroMemory(&osvi, sizeof(osvi));
    osvi.dwOSVersionInfoSize = sizeof(osvi);
    osvi.dwMajorVersion = 6;
    osvi.dwBuildNumber = builds[i];
    if (VerifyVersionInfoW(&osvi, VER_MAJORVERSION | VER_BUILDNUMBER, mask))
      return TRUE;
  }
  return FALSE;
}

/* Silent: the array knows both builds of the bump. */
static BOOL IsServer2008AnySp2(void) {
  static const DWORD known[] = {6001, 6002, 6003};
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  DWORDLONG mask = VerSetConditionMask(0, VER_BUILDNUMBER, VER_EQUAL);
  for (int i = 0; i < 3; ++i) {
    osvi.dwBuildNumber = known[i];
    if (VerifyVersionInfoW(&osvi, VER_BUILDNUMBER, mask))
      return TRUE;
  }
  return FALSE;
}

/* Silent: each element is a lower bound, and both builds pass 6002. */
static BOOL AtLeastOneOf(void) {
  static const DWORD floors[] = {6002, 7601};
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  DWORDLONG mask = VerSetConditionMask(0, VER_BUILDNUMBER, VER_GREATER_EQUAL);
  for (int i = 0; i < 2; ++i) {
    osvi.dwBuildNumber = floors[i];
    if (VerifyVersionInfoW(&osvi, VER_BUILDNUMBER, mask))
      return TRUE;
  }
  return FALSE;
}

int main(void) {
  return IsSupportedServer2008() + IsServer2008AnySp2() + AtLeastOneOf();
}
