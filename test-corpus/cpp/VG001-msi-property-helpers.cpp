// A custom action reads installer properties through helpers that take the
// property's name: a std::vector buffer, an empty-text fallback, and a
// switch in a helper the build is passed to.
#include <windows.h>
#include <msi.h>
#include <msiquery.h>
#include <string>
#include <vector>

static std::wstring GetProp(MSIHANDLE hInstall, const wchar_t *name)
{
    DWORD cch = 0;
    wchar_t empty[1] = L"";
    if (MsiGetPropertyW(hInstall, name, empty, &cch) != ERROR_MORE_DATA)
        return std::wstring();
    std::vector<wchar_t> buf(++cch);
    if (MsiGetPropertyW(hInstall, name, buf.data(), &cch) != ERROR_SUCCESS)
        return std::wstring();
    return std::wstring(buf.data(), cch);
}

static int PropToInt(MSIHANDLE hInstall, const wchar_t *name, int fallback)
{
    const std::wstring v = GetProp(hInstall, name);
    return v.empty() ? fallback : std::stoi(v);
}

static const wchar_t *HotfixNote(int build)
{
    switch (build) {
    // expect: VG001
    case 6002:
        return L"Install KB4474419 first.";
    case 7601:
        return L"Install KB4490628 first.";
    default:
        return L"";
    }
}

extern "C" UINT __stdcall CheckPrereqs(MSIHANDLE hInstall)
{
    const int versionNt = PropToInt(hInstall, L"VersionNT", 0);
    const int windowsBuild = PropToInt(hInstall, L"WindowsBuild", 0);
    const int packageBuild = PropToInt(hInstall, L"CONTOSO_PACKAGE_BUILD", 0);
    if (versionNt < 600)
        return ERROR_INSTALL_FAILURE;
    // expect: VG001
    if (windowsBuild > 6002)
        MsiSetPropertyW(hInstall, L"CONTOSO_KMDF_INBOX", L"1");
    if (windowsBuild >= 6000 && windowsBuild < 7600)
        MsiSetPropertyW(hInstall, L"CONTOSO_VISTA_FAMILY", L"1");
    // Our own package's build: not the OS.
    if (packageBuild == 6002)
        MsiSetPropertyW(hInstall, L"CONTOSO_OLD_PACKAGE", L"1");
    MsiSetPropertyW(hInstall, L"CONTOSO_NOTE", HotfixNote(windowsBuild));
    return ERROR_SUCCESS;
}
