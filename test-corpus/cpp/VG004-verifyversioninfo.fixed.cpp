// VerifyVersionInfo with a build-number condition.
#include <windows.h>

bool IsExactlySp2() {
  OSVERSIONINFOEXW osvi;
  DWORDLONG mask = 0;
  ZeroMemory(&osvi, sizeof(osvi));
  osvi.dwOSVersionInfoSize = sizeof(osvi);
  osvi.dwMajorVersion = 6;
  osvi.dwMinorVersion = 0;
  osvi.dwBuildNumber = 6002;
  VER_SET_CONDITION(mask, VER_MAJORVERSION, VER_EQUAL);
  VER_SET_CONDITION(mask, VER_MINORVERSION, VER_EQUAL);
  // expect: VG004
  VER_SET_CONDITION(mask, VER_BUILDNUMBER, VER_GREATER_EQUAL);
  return VerifyVersionInfoW(&osvi, VER_MAJORVERSION | VER_MINORVERSION | VER_BUILDNUMBER, mask) != FALSE;
}

bool AtMostSp2() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi), 0, 0, 6003};
  // expect: VG004
  DWORDLONG mask = VerSetConditionMask(0, VER_BUILDNUMBER, VER_LESS_EQUAL);
  return VerifyVersionInfoW(&osvi, VER_BUILDNUMBER, mask);
}
