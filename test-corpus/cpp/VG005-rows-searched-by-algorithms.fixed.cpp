// Tables of structures searched with a standard algorithm and a lambda
// over one entry: find_if finds the entry whose build matches, any_of
// tells whether one does.
#include <windows.h>
#include <algorithm>
#include <iterator>
#include <optional>

struct PlatformRule {
    DWORD build;
    const wchar_t *flavor;
};

constexpr PlatformRule kPlatformRules[] = {
    { 6001, L"lh-sp1" },
    // expect: VG005
    { 6002, L"lh-sp2" }, { 6003, L"lh-sp2" },
    { 7601, L"w7-sp1" },
};

// Both 6.0 servicing builds are listed: silent.
constexpr PlatformRule kFamilies[] = {
    { 6002, L"lh" },
    { 6003, L"lh" },
};

static DWORD OsBuild()
{
    OSVERSIONINFOW vi = { sizeof(vi) };
#pragma warning(suppress : 4996)
    GetVersionExW(&vi);
    return vi.dwBuildNumber;
}

std::optional<PlatformRule> MatchRule()
{
    const DWORD b = OsBuild();
    auto it = std::find_if(std::begin(kPlatformRules), std::end(kPlatformRules),
                           [&](const PlatformRule &r) { return r.build == b; });
    if (it == std::end(kPlatformRules))
        return std::nullopt;
    return *it;
}

bool IsLonghornFamily()
{
    const DWORD b = OsBuild();
    return std::any_of(std::begin(kFamilies), std::end(kFamilies),
                       [b](const PlatformRule &r) { return r.build == b; });
}
