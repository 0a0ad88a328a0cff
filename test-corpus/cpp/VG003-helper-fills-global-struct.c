/* A WiX custom action keeps what it reads in a global struct, filled by a
 * registry helper whose value name is its argument. */
#include <windows.h>

typedef struct _HOST_OS {
    DWORD ubr;
    DWORD retries;
    DWORD servicing;
    DWORD port;
} HOST_OS;

static HOST_OS g_host;

static BOOL ReadRegDword(HKEY root, LPCWSTR subKey, LPCWSTR valueName, DWORD *out)
{
    DWORD cb = sizeof(DWORD);
    return RegGetValueW(root, subKey, valueName, RRF_RT_REG_DWORD, NULL, out, &cb) == ERROR_SUCCESS;
}

UINT __stdcall CheckServicingStack(ULONG hInstall)
{
    (void)hInstall;
    ReadRegDword(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"UBR", &g_host.ubr);
    ReadRegDword(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Contoso\\Agent", L"Retries", &g_host.retries);
    /* A failed read's default does not replace the value. */
    if (!ReadRegDword(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"UBR", &g_host.servicing))
        g_host.servicing = 0;
    /* Another value stored: the member is not only the read. */
    ReadRegDword(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", L"UBR", &g_host.port);
    g_host.port = 443;
    /* expect: VG003 */
    if (g_host.servicing < 24000)
        return ERROR_INSTALL_FAILURE;
    /* Silent: what the program stored last. */
    if (g_host.port >= 24000)
        return ERROR_SUCCESS;
    /* expect: VG003 */
    if (g_host.ubr >= 24000)
        return ERROR_SUCCESS;
    /* Silent: the agent's own setting. */
    if (g_host.retries == 6002)
        return ERROR_SUCCESS;
    return ERROR_INSTALL_FAILURE;
}
