// Helpers that take the build to compare with as an argument: each call is
// judged on its own, so the call with 6002 flips and the one with 7601 does
// not. No fix is offered at the call: the helper's text is shared by both.
#include <windows.h>

static DWORD OsBuild() {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  GetVersionExW(reinterpret_cast<OSVERSIONINFOW *>(&vi));
  return vi.dwBuildNumber;
}

static bool IsBuild(DWORD b) { return OsBuild() == b; }

static bool IsAtMostBuild(DWORD limit) { return OsBuild() <= limit; }

class OsInfo {
public:
  bool IsExactly(DWORD b) const { return OsBuild() == b; }
};

bool NeedsSp2Workaround() {
  // expect: VG001
  return IsBuild(6002);
}

bool IsWin7Sp1() { return IsBuild(7601); }

bool IsVistaFamily() {
  // expect: VG001
  return IsAtMostBuild(6003);
}

bool IsBeforeWin7() { return IsAtMostBuild(7599); }

bool ViaMember(const OsInfo &os) {
  // expect: VG001
  if (os.IsExactly(6002) && !IsWin7Sp1())
    return true;
  return os.IsExactly(9200);
}

// A helper that returns false when it cannot read the version, else the
// comparison with its argument; its bound is the call's own argument, which
// the fix moves.
static bool BuildIsAtMost(DWORD limit) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  if (!GetVersionExW(&vi))
    return false;
  return vi.dwBuildNumber <= limit;
}

bool NeedsLegacySigning() {
  // expect: VG001
  return BuildIsAtMost(6003);
}

bool PredatesWin7() { return BuildIsAtMost(7599); }
