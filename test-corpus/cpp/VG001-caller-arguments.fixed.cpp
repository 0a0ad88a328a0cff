// Helpers that branch on a parameter their callers fill with the OS build:
// the check inside the helper is judged with what the calls pass.
#include <windows.h>

static const wchar_t *PickInstaller(DWORD build) {
  // expect: VG001
  if (build == 6002 || build == 6003)
    return L"legacy.msi";
  return L"agent.msi";
}

static int QuirkLevel(DWORD b) {
  switch (b) {
  // expect: VG001
  case 6002:
  case 6003:
    return 2;
  case 7601:
    return 1;
  default:
    return 0;
  }
}

// Silent: every call passes the product's own build, not the OS's.
static bool IsKnownBadAgentBuild(DWORD agentBuild) {
  return agentBuild == 6002 || agentBuild == 6010;
}

// Judged at each call (the helper returns its check), not inside.
static bool IsBuild(DWORD b) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return vi.dwBuildNumber == b;
}

const wchar_t *Choose(DWORD agentBuild) {
  OSVERSIONINFOW vi = {sizeof(vi)};
  if (!GetVersionExW(&vi))
    return nullptr;
  if (QuirkLevel(vi.dwBuildNumber) > 1 || IsKnownBadAgentBuild(agentBuild))
    return nullptr;
  // expect: VG001
  if (IsBuild(6002))
    return L"sp2";
  return PickInstaller(vi.dwBuildNumber);
}
