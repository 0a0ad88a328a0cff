// The comparison lives in a project macro: the edit goes in the #define.
#include <windows.h>
#include <string>

// expect: VG001
#define IS_SP2_BUILD(vi) ((vi).dwBuildNumber == 6002 || (vi).dwBuildNumber == 6003)
#define SP2_MAJOR 6

bool UsesMacro() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return vi.dwMajorVersion == SP2_MAJOR && IS_SP2_BUILD(vi);
}

bool StartsWith(const std::wstring &version) {
  std::wstring v = version;
  return !v.empty();
}

bool WideSearch() {
  wchar_t lab[128];
  DWORD cb = sizeof(lab);
  RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
               L"BuildLabEx", RRF_RT_REG_SZ, NULL, lab, &cb);
  std::wstring s(lab);
  // expect: VG002
  if (s.starts_with(L"6002.") || s.starts_with(L"6003."))
    return true;
  // expect: VG002
  return (wcsstr(lab, L"6002.") == nullptr && wcsstr(lab, L"6003.") == nullptr);
}
