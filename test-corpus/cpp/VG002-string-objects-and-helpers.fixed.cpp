// A diagnostic pack reads WMI strings through one helper whose property is
// its parameter, converts them with WideCharToMultiByte, and keeps what it
// found in std::string objects and in members of its own classes.
#include <windows.h>
#include <wbemidl.h>

#include <cstdlib>
#include <cstring>
#include <string>

// SELECT Version, BuildNumber, CSDVersion FROM Win32_OperatingSystem
static std::string QueryWmiString(IWbemClassObject *obj, const wchar_t *prop) {
  VARIANT vt;
  VariantInit(&vt);
  std::string out;
  if (SUCCEEDED(obj->Get(prop, 0, &vt, nullptr, nullptr)) &&
      vt.vt == VT_BSTR) {
    char buf[128];
    WideCharToMultiByte(CP_ACP, 0, vt.bstrVal, -1, buf, sizeof(buf), nullptr,
                        nullptr);
    out = buf;
  }
  VariantClear(&vt);
  return out;
}

static std::wstring QueryWide(IWbemClassObject *obj, const wchar_t *prop) {
  VARIANT vt;
  VariantInit(&vt);
  std::wstring out;
  if (SUCCEEDED(obj->Get(prop, 0, &vt, nullptr, nullptr)) &&
      vt.vt == VT_BSTR) {
    wchar_t copy[64];
    wcscpy_s(copy, 64, vt.bstrVal);
    out.assign(copy);
  }
  VariantClear(&vt);
  return out;
}

int Diagnose(IWbemClassObject *os) {
  int score = 0;
  std::string version = QueryWmiString(os, L"Version");
  // expect: VG002
  if (strncmp(version.c_str(), "6.0.6002", 8) == 0 || strncmp(version.c_str(), "6.0.6003", 8) == 0)
    score += 1;
  // expect: VG002
  if (version.find("6.0.6002") != std::string::npos || version.find("6.0.6003") != std::string::npos)
    score += 2;
  std::string bn = QueryWmiString(os, L"BuildNumber");
  // expect: VG001
  if (atoi(bn.c_str()) < 6004)
    score += 4;
  std::wstring wide = QueryWide(os, L"Version");
  // expect: VG002
  if (wide == L"6.0.6002" || wide == L"6.0.6003")
    score += 8;
  // Silent: the family is the same before and after.
  if (strncmp(version.c_str(), "6.0.", 4) == 0)
    score += 16;
  // Silent: the service pack is the same before and after.
  if (QueryWmiString(os, L"CSDVersion") == "Service Pack 2")
    score += 32;
  // Silent: an appended suffix makes the text "6.0.6002.0", never equal.
  std::string suffixed = QueryWmiString(os, L"Version");
  suffixed += ".0";
  if (suffixed == "6.0.6002")
    score += 64;
  return score;
}

// Filled in another file of the project (its constructor is not here): the
// names of the class and its members say what they hold.
class OsDetector {
public:
  OsDetector();
  const std::wstring &Version() const { return m_version; }

private:
  std::wstring m_version;
};

struct OsInfo {
  DWORD build;
  DWORD revision; // low word of ntoskrnl.exe's file version
};

struct AppInfo {
  DWORD revision; // the product's own revision
};

const OsInfo &GetCachedOsInfo();
const AppInfo &GetAppInfo();

bool NeedsWorkaround(const OsDetector &detector) {
  // expect: VG002
  return detector.Version() == L"6.0.6002";
}

bool HasMarch2019Rollup() {
  const OsInfo &os = GetCachedOsInfo();
  // expect: VG003
  return os.revision >= 24000;
}

bool AppIsCurrent() {
  // Silent: the application's revision, not the OS's.
  return GetAppInfo().revision >= 24000;
}
