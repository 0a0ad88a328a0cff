/* A driver installer fills one HOST_OS through a pointer (GetVersionExA,
 * sprintf_s into a member, the UBR read into a member) and tests it in
 * other functions; a helper formats the version into the caller's buffer. */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

typedef struct HOST_OS {
    OSVERSIONINFOA vi;
    char versionText[32];
    DWORD ubr;
    DWORD schema;
} HOST_OS;

static void FillHost(HOST_OS *host)
{
    HKEY key;
    DWORD cb = sizeof(host->ubr);
    host->vi.dwOSVersionInfoSize = sizeof(host->vi);
    GetVersionExA(&host->vi);
    sprintf_s(host->versionText, sizeof(host->versionText), "%lu.%lu.%lu",
              host->vi.dwMajorVersion, host->vi.dwMinorVersion, host->vi.dwBuildNumber);
    if (RegOpenKeyExA(HKEY_LOCAL_MACHINE, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", 0,
                      KEY_READ, &key) == ERROR_SUCCESS) {
        RegQueryValueExA(key, "UBR", NULL, NULL, (LPBYTE)&host->ubr, &cb);
        RegCloseKey(key);
    }
    host->schema = 6002;
}

static BOOL TextIsSp2(const HOST_OS *host)
{
    /* expect: VG002 */
    return (strncmp(host->versionText, "6.0.6002", 8) == 0 || strncmp(host->versionText, "6.0.6003", 8) == 0);
}

static BOOL HasOldRollup(const HOST_OS *host)
{
    /* expect: VG003 */
    return host->ubr < 24000;
}

static BOOL OwnSchema(const HOST_OS *host)
{
    /* Silent: the installer's own schema number. */
    return host->schema == 6002;
}

static void FormatVersion(WCHAR *buf, size_t cch)
{
    OSVERSIONINFOW v = {sizeof v};
    GetVersionExW(&v);
    swprintf(buf, cch, L"%lu.%lu.%lu", v.dwMajorVersion, v.dwMinorVersion, v.dwBuildNumber);
}

static void FormatName(WCHAR *buf, size_t cch)
{
    swprintf(buf, cch, L"%ls-%d", L"agent", 6002);
}

int Check(void)
{
    HOST_OS host;
    WCHAR ver[64], name[64];
    FillHost(&host);
    FormatVersion(ver, 64);
    FormatName(name, 64);
    /* expect: VG002 */
    if (wcscmp(ver, L"6.0.6002") == 0 || wcscmp(ver, L"6.0.6003") == 0)
        return 1;
    /* Silent: the agent's own name. */
    if (wcscmp(name, L"agent-6002") == 0)
        return 2;
    return TextIsSp2(&host) + HasOldRollup(&host) + OwnSchema(&host);
}
