// The project's precompiled header (not in the tree) brings <windows.h>:
// without it every line that names a Windows type is invalid C++.
#include "stdafx.h"

bool IsServer2008Sp2() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  GetVersionExW(reinterpret_cast<OSVERSIONINFOW *>(&osvi));
  // expect: VG001
  return osvi.dwMajorVersion == 6 && osvi.dwBuildNumber == 6002;
}

// Silent: a floor both builds pass.
bool AtLeastSp2() {
  OSVERSIONINFOEXW osvi = {sizeof(osvi)};
  GetVersionExW(reinterpret_cast<OSVERSIONINFOW *>(&osvi));
  return osvi.dwBuildNumber >= 6002;
}
