// Code that names both builds of the bump, each with an arm of its own, is
// identifying the system, not testing it: verguard stays silent whatever the
// two arms give (inventory tools and process explorers are full of these).
#include <windows.h>

static const struct {
  DWORD build;
  const wchar_t *name;
} kReleases[] = {
    {6001, L"Windows Server 2008"},
    {6002, L"Windows Server 2008 SP2"},
    {6003, L"Windows Server 2008 SP2 (March 2019 servicing build)"},
    {7601, L"Windows Server 2008 R2 SP1"},
};

const wchar_t *ReleaseName() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  for (size_t i = 0; i < sizeof(kReleases) / sizeof(kReleases[0]); ++i)
    if (kReleases[i].build == vi.dwBuildNumber)
      return kReleases[i].name;
  return L"unknown";
}

const char *ServicingLabel() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  switch (vi.dwBuildNumber) {
  case 6002:
    return "SP2";
  case 6003:
    return "SP2, KB4489887 or later";
  default:
    return "other";
  }
}

int Ladder() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  if (vi.dwBuildNumber == 6002)
    return 1;
  else if (vi.dwBuildNumber == 6003)
    return 2;
  return 0;
}
