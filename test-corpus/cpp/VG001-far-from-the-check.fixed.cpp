// Checks whose build number, version source or both live in other
// functions and declarations: the prefilter's triggers are elsewhere in the
// file, yet every check is found (the parse keeps the bodies they need).
#include <windows.h>
#include <string>
#include <vector>

#define SP2_BUILD 6002
static const DWORD kServer2008Sp2 = 6002;
static DWORD g_build;

static DWORD BuildFromRegistry() {
  wchar_t text[32];
  DWORD size = sizeof(text);
  RegGetValueW(HKEY_LOCAL_MACHINE,
               L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
               L"CurrentBuildNumber", RRF_RT_REG_SZ, nullptr, text, &size);
  return _wtoi(text);
}

void LoadBuild() { g_build = BuildFromRegistry(); }

bool ThroughTheGlobal() {
  // expect: VG001
  return (g_build == kServer2008Sp2 || g_build == 6003);
}

bool ThroughTheMacro() {
  // expect: VG001
  if (BuildFromRegistry() == SP2_BUILD)
    return true;
  return false;
}

std::vector<std::wstring> Names(const std::vector<std::wstring> &in) {
  std::vector<std::wstring> out;
  for (const std::wstring &s : in)
    out.push_back(s + L"." + std::to_wstring(out.size()));
  return out;
}

size_t CountNames() { return Names({L"a", L"b"}).size(); }
