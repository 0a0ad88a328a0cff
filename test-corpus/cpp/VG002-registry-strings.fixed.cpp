// String checks on registry values and version strings.
#include <windows.h>
#include <regex>
#include <string>
#include <cstring>
#include <cwchar>

static const wchar_t kKey[] = L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

bool RegistryBuildIsSp2() {
  HKEY key;
  if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, kKey, 0, KEY_READ, &key) != ERROR_SUCCESS)
    return false;
  wchar_t build[32] = {0};
  DWORD size = sizeof(build);
  RegQueryValueExW(key, L"CurrentBuildNumber", NULL, NULL, (LPBYTE)build, &size);
  RegCloseKey(key);
  // expect: VG002
  if (wcscmp(build, L"6002") == 0 || wcscmp(build, L"6003") == 0)
    return true;
  // expect: VG002
  if (!_wcsicmp(build, L"6002") || !_wcsicmp(build, L"6003"))
    return true;
  // expect: VG001
  if (_wtoi(build) == 6002 || _wtoi(build) == 6003)
    return true;
  // expect: VG001
  return wcstoul(build, NULL, 10) <= 6003;
}

bool RegGetValueCheck() {
  char lab[256];
  DWORD cb = sizeof(lab);
  RegGetValueA(HKEY_LOCAL_MACHINE, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
               "BuildLabEx", RRF_RT_REG_SZ, NULL, lab, &cb);
  // expect: VG002
  if (strstr(lab, "6002.") != NULL || strstr(lab, "6003.") != NULL)
    return true;
  // expect: VG002
  return (strncmp(lab, "6002", 4) == 0 || strncmp(lab, "6003", 4) == 0);
}

bool CompareStringCheck() {
  wchar_t build[32];
  DWORD size = sizeof(build);
  RegGetValueW(HKEY_LOCAL_MACHINE, kKey, L"CurrentBuild", RRF_RT_REG_SZ, NULL,
               build, &size);
  // expect: VG002
  return (CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, build, -1, L"6002", -1) == CSTR_EQUAL || CompareStringW(LOCALE_INVARIANT, NORM_IGNORECASE, build, -1, L"6003", -1) == CSTR_EQUAL);
}

std::wstring VersionText() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return std::to_wstring(vi.dwMajorVersion) + L"." + std::to_wstring(vi.dwMinorVersion) +
         L"." + std::to_wstring(vi.dwBuildNumber);
}

bool StdStringChecks() {
  std::wstring v = VersionText();
  // expect: VG002
  if (v == L"6.0.6002" || v == L"6.0.6003")
    return true;
  // expect: VG002
  if (v.compare(L"6.0.6002") == 0 || v.compare(L"6.0.6003") == 0)
    return true;
  // expect: VG002
  if (v.find(L"6002") != std::wstring::npos || v.find(L"6003") != std::wstring::npos)
    return true;
  // expect: VG002
  if (v.rfind(L".6002") != std::wstring::npos || v.rfind(L".6003") != std::wstring::npos)
    return true;
  return false;
}

bool RegexCheck() {
  std::wstring v = VersionText();
  // expect: VG002
  return std::regex_search(v, std::wregex(L"^6\\.0\\.600[23]"));
}

bool NarrowStrings() {
  char lab[128];
  DWORD cb = sizeof(lab);
  RegGetValueA(HKEY_LOCAL_MACHINE, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
               "CurrentBuildNumber", RRF_RT_REG_SZ, NULL, lab, &cb);
  std::string s(lab);
  // expect: VG002 VG002
  return (s == "6002" || s == "6003") || (lstrcmpiA(lab, "6002") == 0 || lstrcmpiA(lab, "6003") == 0);
}

// A registry helper that fills a std::wstring& with the value the caller
// names.
static bool ReadNtValue(const wchar_t *name, std::wstring &out) {
  wchar_t buf[64];
  DWORD cb = sizeof(buf);
  if (RegGetValueW(HKEY_LOCAL_MACHINE,
                   L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", name,
                   RRF_RT_REG_SZ, NULL, buf, &cb) != ERROR_SUCCESS)
    return false;
  out.assign(buf);
  return true;
}

bool ThroughReferenceParameter() {
  std::wstring build, product;
  ReadNtValue(L"CurrentBuildNumber", build);
  ReadNtValue(L"ProductName", product);
  // Silent: the product name is no version.
  if (product == L"6002")
    return false;
  // expect: VG002
  return (build == L"6002" || build == L"6003");
}
