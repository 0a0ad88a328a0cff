// Version values kept in class members, getters and wrapper functions.
#include <windows.h>

class OsVersion {
public:
  OsVersion() {
    OSVERSIONINFOEXW vi = {sizeof(vi)};
    GetVersionExW((OSVERSIONINFOW *)&vi);
    m_build = vi.dwBuildNumber;
    m_major = vi.dwMajorVersion;
  }
  DWORD Build() const { return m_build; }
  bool IsSp2() const {
    // expect: VG001
    return (m_build == 6002 || m_build == 6003);
  }

private:
  DWORD m_build;
  DWORD m_major;
};

static DWORD GetOsBuild() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return vi.dwBuildNumber;
}

static void GetBuildOut(DWORD *out) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  *out = vi.dwBuildNumber;
}

bool Checks() {
  OsVersion v;
  // expect: VG001
  if (v.Build() == 6002)
    return true;
  // expect: VG001
  if (GetOsBuild() <= 6003)
    return true;
  DWORD b = 0;
  GetBuildOut(&b);
  // expect: VG001
  if (b == 6002 || b == 6003)
    return true;
  DWORD build = GetOsBuild();
  bool isSp2 = false;
  // expect: VG001
  for (int i = 0; i < 2 && (build == 6002 || build == 6003); ++i)
    isSp2 = true;
  do {
    isSp2 = !isSp2;
    // expect: VG001
  } while (GetOsBuild() == 6002 && !isSp2);
  return isSp2;
}

// A parameter named like the build, of unknown origin: inferred (warning).
bool IsLegacyBuild(DWORD dwBuildNumber) {
  // expect: VG001
  return (dwBuildNumber == 6002 || dwBuildNumber == 6003);
}
