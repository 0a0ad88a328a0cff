/* VerifyVersionInfo against the build the caller names: whether the check
   is fragile depends on the build each caller passes. */
#include "osbuild.h"

static BOOL CompareBuild(DWORD build, BYTE condition) {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  DWORDLONG mask = VerSetConditionMask(0, VER_BUILDNUMBER, condition);
  osvi.dwBuildNumber = build;
  return VerifyVersionInfoW(&osvi, VER_BUILDNUMBER, mask);
}

BOOL IsAtMostBuild(DWORD build) {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  DWORDLONG mask = VerSetConditionMask(0, VER_BUILDNUMBER, VER_LESS_EQUAL);
  osvi.dwBuildNumber = build;
  return VerifyVersionInfoW(&osvi, VER_BUILDNUMBER, mask);
}

BOOL IsAtLeastBuild(DWORD build) {
  return CompareBuild(build, VER_GREATER_EQUAL);
}
