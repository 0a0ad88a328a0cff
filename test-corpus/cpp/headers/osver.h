// A project header included by two translation units: its finding is
// reported once.
#pragma once
#include <windows.h>

inline bool OsIsSp2() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  // expect: VG001
  return vi.dwBuildNumber == 6002;
}
