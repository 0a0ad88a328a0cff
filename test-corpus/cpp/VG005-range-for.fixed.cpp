// Lists and tables of builds walked with a range-based for.
#include <windows.h>

static DWORD OsBuild() {
  OSVERSIONINFOW vi = {sizeof(vi)};
  GetVersionExW(&vi);
  return vi.dwBuildNumber;
}

// expect: VG005
static const DWORD kLegacy[] = {6000, 6001, 6002, 6003};

struct Quirk {
  DWORD build;
  const wchar_t *name;
};
// expect: VG005
static const Quirk kQuirks[] = {{6001, L"sp1"}, {6002, L"sp2"}, {6003, L"sp2"}, {7601, L"7"}};

// A size written and filled: no room for 6003 (no fix is offered).
#define NUM_OLD 3
// expect: VG005
static const DWORD kOld[NUM_OLD] = {6000, 6001, 6002};

// Silent: 6002 and 6003 are both listed.
static const DWORD kKnown[] = {6002, 6003, 7601};

bool IsLegacy() {
  DWORD b = OsBuild();
  for (DWORD legacy : kLegacy)
    if (legacy == b)
      return true;
  return false;
}

const wchar_t *QuirkName() {
  DWORD b = OsBuild();
  for (const Quirk &q : kQuirks)
    if (b == q.build)
      return q.name;
  return L"";
}

bool IsOld() {
  DWORD b = OsBuild();
  for (int i = 0; i < NUM_OLD; ++i)
    if (kOld[i] == b)
      return true;
  return false;
}

bool IsKnown() {
  DWORD b = OsBuild();
  for (DWORD k : kKnown)
    if (k == b)
      return true;
  return false;
}
