// Tables of structures searched in loops with a condition on each entry:
// ranges of builds with a revision floor (every matching entry is
// collected), and a first match by build and minimum revision.
#include <windows.h>
#include <string>
#include <vector>

struct Rule {
    const wchar_t *kb;
    DWORD minBuild;
    DWORD maxBuild;
    DWORD minRevision;
};

static const Rule kRules[] = {
    {L"KB4474419", 6002, 6003, 0},
    // expect: VG005
    {L"KB4493730", 6002, 6002, 0},
    // expect: VG005
    {L"KB4489887", 6002, 6003, 24000},
    {L"KB4490628", 7601, 7601, 0},
};

struct Quirk {
    DWORD build;
    DWORD minRevision;
    DWORD flags;
};

static const Quirk kQuirks[] = {
    {6001, 18000, 0x1},
    // expect: VG005
    {6002, 24000, 0x2},
    {7601, 24384, 0x4},
};

// Both systems match every entry of this one: silent.
static const Rule kFamilies[] = {
    {L"vista-family", 6000, 6003, 0},
    {L"win7-family", 7600, 7601, 0},
};

static DWORD ReadUbr()
{
    DWORD ubr = 0, cb = sizeof(ubr);
    RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"UBR",
                 RRF_RT_REG_DWORD, nullptr, &ubr, &cb);
    return ubr;
}

std::vector<std::wstring> ApplicableKbs()
{
    OSVERSIONINFOW vi = {sizeof(vi)};
    GetVersionExW(&vi);
    const DWORD build = vi.dwBuildNumber, rev = ReadUbr();
    std::vector<std::wstring> kbs;
    for (const Rule &r : kRules)
        if (build >= r.minBuild && build <= r.maxBuild && rev >= r.minRevision)
            kbs.push_back(r.kb);
    for (const Rule &f : kFamilies)
        if (build >= f.minBuild && build <= f.maxBuild)
            kbs.push_back(f.kb);
    return kbs;
}

DWORD QuirkFlags()
{
    OSVERSIONINFOW vi = {sizeof(vi)};
    GetVersionExW(&vi);
    const DWORD rev = ReadUbr();
    for (size_t i = 0; i < sizeof(kQuirks) / sizeof(kQuirks[0]); i++) {
        if (kQuirks[i].build == vi.dwBuildNumber && rev >= kQuirks[i].minRevision)
            return kQuirks[i].flags;
    }
    return 0;
}
