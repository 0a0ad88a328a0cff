// Builds looked up in constant standard containers, and a build carried in
// a std::optional.
#include <windows.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

static DWORD OsBuild() {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  GetVersionExW(reinterpret_cast<LPOSVERSIONINFOW>(&vi));
  return vi.dwBuildNumber;
}

static const std::map<DWORD, std::wstring> kReleaseNames = {
    {6001, L"Server 2008"},
    // expect: VG005
    {6002, L"Server 2008 SP2"}, {6003, L"Server 2008 SP2"},
    {7601, L"Server 2008 R2 SP1"}};

// expect: VG005
static const std::set<DWORD> kNeedsHotfix = {6000, 6001, 6002, 6003};

// expect: VG005
static const std::unordered_set<DWORD> kLegacyStack{6001, 6002, 6003};

// Silent: 6002 and 6003 are both listed.
static const std::set<DWORD> kSp2Family = {6002, 6003};

// Silent: a port list, not looked up with the OS's build.
static const std::set<int> kPorts = {6001, 6002, 8080};

std::wstring ReleaseName() {
  auto it = kReleaseNames.find(OsBuild());
  return it == kReleaseNames.end() ? L"unknown" : it->second;
}

bool NeedsHotfix() { return kNeedsHotfix.count(OsBuild()) != 0; }

bool LegacyStack() { return kLegacyStack.find(OsBuild()) != kLegacyStack.end(); }

bool Sp2Family() { return kSp2Family.count(OsBuild()) > 0; }

bool PortInUse(int port) { return kPorts.count(port) != 0; }

bool BlockedBuild() {
  // expect: VG005
  const std::vector<DWORD> blocked = {6000, 6002, 6003};
  return std::find(blocked.begin(), blocked.end(), OsBuild()) != blocked.end();
}

bool OldKernel() {
  // expect: VG005
  static const DWORD kOld[] = {6001, 6002, 6003};
  return std::find(std::begin(kOld), std::end(kOld), OsBuild()) !=
         std::end(kOld);
}

static std::optional<DWORD> QueryBuild() {
  OSVERSIONINFOEXW vi = {sizeof(vi)};
  if (!GetVersionExW(reinterpret_cast<LPOSVERSIONINFOW>(&vi)))
    return std::nullopt;
  return vi.dwBuildNumber;
}

bool IsSp2() {
  auto build = QueryBuild();
  // expect: VG001
  return build && (*build == 6002 || *build == 6003);
}

bool AtMostSp2() {
  // expect: VG001
  return QueryBuild().value_or(0) <= 6003;
}

// Silent: the same outcome on 6002 and 6003.
bool IsVistaFamily() { return QueryBuild().value_or(0) >= 6000; }
