// A table of known builds: build 6003 falls through to "unknown".
#include <windows.h>

struct BuildName {
  DWORD build;
  const wchar_t *name;
};

static const BuildName kBuilds[] = {
    {6000, L"Windows Vista"},
    {6001, L"Windows Server 2008"},
    // expect: VG005
    {6002, L"Windows Server 2008 SP2"},
    {7601, L"Windows Server 2008 R2 SP1"},
};

const wchar_t *NameOfThisOs() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  for (size_t i = 0; i < sizeof(kBuilds) / sizeof(kBuilds[0]); ++i)
    if (kBuilds[i].build == vi.dwBuildNumber)
      return kBuilds[i].name;
  return L"unknown";
}
