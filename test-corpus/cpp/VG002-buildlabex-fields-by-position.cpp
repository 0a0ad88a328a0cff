// The kernel's revision cut out of BuildLabEx ("6002.24566.amd64fre...")
// between its first two dots, returned as a std::optional, and the build
// found by searching backwards.
#include <windows.h>
#include <optional>
#include <string>

static std::wstring ReadLab()
{
    wchar_t lab[256] = {};
    DWORD cb = sizeof(lab);
    if (RegGetValueW(HKEY_LOCAL_MACHINE,
                     L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
                     L"BuildLabEx", RRF_RT_REG_SZ, nullptr, lab,
                     &cb) != ERROR_SUCCESS)
        return std::wstring();
    return std::wstring(lab);
}

static std::optional<int> LabRevision()
{
    const std::wstring s = ReadLab();
    const size_t first = s.find(L'.');
    if (first == std::wstring::npos)
        return std::nullopt;
    const size_t second = s.find(L'.', first + 1);
    try {
        return std::stoi(s.substr(first + 1, second - first - 1));
    } catch (...) {
        return std::nullopt;
    }
}

bool NeedsServicingStackUpdate()
{
    const std::optional<int> rev = LabRevision();
    // expect: VG002
    return !(rev && *rev > 22000);
}

bool HasModernServicing()
{
    // 24566 and 20491 are both past 20000: silent
    const std::optional<int> rev = LabRevision();
    return rev.has_value() && *rev >= 20000;
}

bool LabStartsWithSp2Build()
{
    const std::wstring s = ReadLab();
    // expect: VG002
    return s.rfind(L"6002.", 0) == 0;
}

bool LabNamesEscrowBranch()
{
    // the branch name after the third dot is the same on both: silent
    const std::wstring s = ReadLab();
    const size_t first = s.find(L'.');
    const size_t third = s.find(L'.', s.find(L'.', first + 1) + 1);
    return s.find(L"vistasp2", third) != std::wstring::npos;
}
