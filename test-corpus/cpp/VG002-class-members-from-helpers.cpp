// A patch scanner class: Load() fills its members through helpers (a
// registry read into a buffer, a parser with out-pointers, a string
// reference), and other methods test them.
#include <windows.h>
#include <stdio.h>
#include <string>

static LSTATUS ReadCvValue(LPCWSTR name, DWORD expectedType, void *data, DWORD cb) {
  HKEY key = nullptr;
  LSTATUS st = RegOpenKeyExW(HKEY_LOCAL_MACHINE,
                             L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
                             0, KEY_QUERY_VALUE, &key);
  if (st != ERROR_SUCCESS)
    return st;
  DWORD type = 0;
  st = RegQueryValueExW(key, name, nullptr, &type, static_cast<LPBYTE>(data), &cb);
  RegCloseKey(key);
  if (st == ERROR_SUCCESS && type != expectedType)
    st = ERROR_INVALID_DATATYPE;
  return st;
}

// "6002.24566.amd64fre.vistasp2_ldr_escrow.190220-1700" -> 6002, 24566.
static bool ParseLabEx(const std::wstring &labEx, DWORD *build, DWORD *rev) {
  unsigned long b = 0, r = 0;
  if (swscanf_s(labEx.c_str(), L"%lu.%lu", &b, &r) != 2)
    return false;
  *build = b;
  *rev = r;
  return true;
}

static bool ReadRegString(LPCWSTR name, std::wstring &out) {
  wchar_t buf[256] = {};
  DWORD cb = sizeof(buf);
  if (RegGetValueW(HKEY_LOCAL_MACHINE,
                   L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", name,
                   RRF_RT_REG_SZ, nullptr, buf, &cb) != ERROR_SUCCESS)
    return false;
  out.assign(buf);
  return true;
}

class PatchScanner {
public:
  // m_labEx and m_csd are left out: default-constructed, nothing stored.
  PatchScanner() : m_build(0), m_rev(0) {}

  bool Load() {
    wchar_t buf[256] = {};
    if (ReadCvValue(L"BuildLabEx", REG_SZ, buf, sizeof(buf) - sizeof(wchar_t)) != ERROR_SUCCESS)
      return false;
    m_labEx = buf;
    if (!ParseLabEx(m_labEx, &m_build, &m_rev))
      return false;
    ReadRegString(L"CSDVersion", m_csd);
    ReadRegString(L"BuildLab", m_lab);
    return true;
  }

  // A number read out of BuildLabEx's text: a match on a version string.
  // expect: VG002
  bool IsPostRebaseline() const { return m_build >= 6003; }

  bool IsEscrowKernel() const {
    // expect: VG002
    return _wcsnicmp(m_labEx.c_str(), L"6002.24", 7) == 0;
  }

  const wchar_t *Label() const {
    // expect: VG002
    return (m_build == 6002) ? L"2008 SP2" : L"other";
  }

  // Silent: the service pack is the same on both sides.
  bool IsSp2() const { return m_csd == L"Service Pack 2"; }

  // Silent: the branch name is the same on both sides.
  bool IsVistaSp2Branch() const { return m_lab.find(L"vistasp2") != std::wstring::npos; }

  const std::wstring &Lab() const { return m_lab; }

private:
  std::wstring m_labEx;
  std::wstring m_csd;
  std::wstring m_lab;
  DWORD m_build;
  DWORD m_rev;
};

int wmain() {
  PatchScanner s;
  if (!s.Load())
    return 1;
  // expect: VG002
  if (wcsncmp(s.Lab().c_str(), L"6002.", 5) == 0)
    wprintf(L"escrow lab\n");
  wprintf(L"%ls %d %d %d\n", s.Label(), s.IsPostRebaseline(), s.IsEscrowKernel(), s.IsSp2());
  return s.IsVistaSp2Branch() ? 0 : 2;
}
