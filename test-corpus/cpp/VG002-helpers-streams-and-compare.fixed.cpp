// Registry helpers whose value name is their parameter, version strings
// built with streams, and std::string::compare(pos, len, s).
#include <windows.h>
#include <cwchar>
#include <sstream>
#include <string>

static DWORD OsBuild() {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  if (!GetVersionExW((OSVERSIONINFOW *)&vi))
    return 0;
  return vi.dwBuildNumber;
}

std::wstring ReadCurrentVersionString(const wchar_t *name) {
  wchar_t buf[64];
  DWORD cb = sizeof(buf);
  if (RegGetValueW(HKEY_LOCAL_MACHINE,
                   L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", name,
                   RRF_RT_REG_SZ, nullptr, buf, &cb) != ERROR_SUCCESS)
    return L"";
  return buf;
}

DWORD ReadDword(const wchar_t *name, DWORD fallback) {
  DWORD v = 0, cb = sizeof(v);
  if (RegGetValueW(HKEY_LOCAL_MACHINE,
                   L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", name,
                   RRF_RT_REG_DWORD, nullptr, &v, &cb) != ERROR_SUCCESS)
    return fallback;
  return v;
}

int Check() {
  // expect: VG002
  if (ReadCurrentVersionString(L"CurrentBuildNumber") == L"6002")
    return 1;
  if (ReadCurrentVersionString(L"ProductName") == L"6002")
    return 2; // not the build
  // expect: VG003
  if (ReadDword(L"UBR", 0) >= 24000)
    return 3;
  if (ReadDword(L"InstallDate", 0) >= 24000)
    return 4; // not the revision

  std::ostringstream os;
  os << 6 << '.' << 0 << '.' << OsBuild();
  // expect: VG002
  if (os.str() == "6.0.6002")
    return 5;
  std::string v = os.str();
  // expect: VG002
  if (v.compare(0, 8, "6.0.6002") == 0 || v.compare(0, 8, "6.0.6003") == 0)
    return 6;
  if (v.compare(0, 4, "6.0.") == 0)
    return 7; // the whole Vista family
  // A prefix test written with wcsstr: found at the start.
  wchar_t text[32];
  swprintf(text, 32, L"%lu.%lu", OsBuild(), 24566ul);
  // expect: VG002
  if (wcsstr(text, L"6002.") == text || wcsstr(text, L"6003.") == text)
    return 8;
  if (wcsstr(text, L".") != text)
    return 9; // a dot somewhere after the start, always
  return 0;
}
