// Version text kept in members and buffers: a table of certified baselines
// matched by prefix (strncmp over each entry's length) from a helper given
// the text, buffers of a member struct filled by swprintf_s and
// WideCharToMultiByte and read in other methods, and a prefix of a text
// whose last part is not known.
#include <windows.h>
#include <strsafe.h>
#include <stdio.h>
#include <string.h>
#include <string>

static const char *g_certified[] = {
    // expect: VG005
    "6.0.6002", "6.0.6003",
    "6.1.7601",
    "6.2.9200",
};

static bool IsCertified(const char *ver)
{
    for (size_t i = 0; i < sizeof(g_certified) / sizeof(g_certified[0]); i++)
        if (strncmp(ver, g_certified[i], strlen(g_certified[i])) == 0)
            return true;
    return false;
}

struct Snapshot {
    std::wstring currentVersion;
    DWORD build = 0;
    char labA[128] = {};
    wchar_t baseline[32] = {};
};

class Scanner {
public:
    bool Take();
    bool IsBaseline() const;
    bool IsEscrowLab() const;
    bool IsLonghorn() const;

private:
    static bool ReadString(const wchar_t *name, std::wstring &out);
    Snapshot m_os;
};

bool Scanner::ReadString(const wchar_t *name, std::wstring &out)
{
    wchar_t buf[256];
    DWORD cb = sizeof(buf);
    if (RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", name,
                     RRF_RT_REG_SZ, nullptr, buf, &cb) != ERROR_SUCCESS)
        return false;
    out.assign(buf);
    return true;
}

bool Scanner::Take()
{
    std::wstring buildText, labEx;
    if (!ReadString(L"CurrentVersion", m_os.currentVersion) || !ReadString(L"CurrentBuild", buildText))
        return false;
    m_os.build = wcstoul(buildText.c_str(), nullptr, 10);
    if (ReadString(L"BuildLabEx", labEx))
        WideCharToMultiByte(CP_ACP, 0, labEx.c_str(), -1, m_os.labA, static_cast<int>(sizeof(m_os.labA)),
                            nullptr, nullptr);
    swprintf_s(m_os.baseline, L"%ls.%lu", m_os.currentVersion.c_str(), m_os.build);
    return true;
}

bool Scanner::IsBaseline() const
{
    // expect: VG002
    return (wcscmp(m_os.baseline, L"6.0.6002") == 0 || wcscmp(m_os.baseline, L"6.0.6003") == 0);
}

bool Scanner::IsEscrowLab() const
{
    // expect: VG002
    return (strstr(m_os.labA, "6002.") != nullptr || strstr(m_os.labA, "6003.") != nullptr);
}

bool Scanner::IsLonghorn() const
{
    return wcsncmp(m_os.baseline, L"6.0.", 4) == 0;
}

static ULONG g_qfe; // set by a parser this file does not show
// ntstrsafe.h's, as a driver's shared code declares it for user mode.
extern "C" LONG __cdecl RtlStringCchPrintfW(wchar_t *dest, size_t cch, const wchar_t *fmt, ...);

int main()
{
    OSVERSIONINFOA vi = {sizeof(vi)};
    char ver[32];
    WCHAR text[64];
    Scanner s;
    if (!GetVersionExA(&vi) || !s.Take())
        return 2;
    sprintf(ver, "%lu.%lu.%lu", vi.dwMajorVersion, vi.dwMinorVersion, vi.dwBuildNumber);
    if (!IsCertified(ver))
        return 1;
    RtlStringCchPrintfW(text, 64, L"%lu.%lu.%lu.%lu", vi.dwMajorVersion, vi.dwMinorVersion, vi.dwBuildNumber,
                        g_qfe);
    // expect: VG002
    if (_wcsnicmp(text, L"6.0.6002", 8) == 0 || _wcsnicmp(text, L"6.0.6003", 8) == 0)
        return 3;
    if (_wcsnicmp(text, L"6.0.", 4) != 0)
        return 4;
    return s.IsBaseline() || s.IsEscrowLab() || s.IsLonghorn() ? 0 : 5;
}
