/* One buffer receives several registry values in turn, through a helper
 * and directly: each read sees the value written last before it. */
#include <windows.h>
#include <stdio.h>

typedef struct {
    DWORD major, minor, build;
} HOST_OS;

static DWORD g_hostBuild;

static LONG ReadText(HKEY key, LPCWSTR name, WCHAR *buf, DWORD cch)
{
    DWORD type = 0, cb = cch * sizeof(WCHAR);
    LONG rc = RegQueryValueExW(key, name, NULL, &type, (LPBYTE)buf, &cb);
    if (rc != ERROR_SUCCESS)
        return rc;
    buf[cch - 1] = L'\0';
    return ERROR_SUCCESS;
}

static BOOL QueryHost(HKEY key, HOST_OS *os)
{
    WCHAR buf[64];
    if (ReadText(key, L"CurrentVersion", buf, ARRAYSIZE(buf)) != ERROR_SUCCESS ||
        swscanf_s(buf, L"%lu.%lu", &os->major, &os->minor) != 2 ||
        ReadText(key, L"CurrentBuildNumber", buf, ARRAYSIZE(buf)) != ERROR_SUCCESS)
        return FALSE;
    os->build = wcstoul(buf, NULL, 10);
    return TRUE;
}

BOOL InitHost(HKEY key)
{
    HOST_OS os = { 0 };
    if (!QueryHost(key, &os))
        return FALSE;
    g_hostBuild = os.build;
    return TRUE;
}

BOOL UsesLegacySpooler(void)
{
    // expect: VG001
    return g_hostBuild < 6004;
}

BOOL IsServicePack2Text(HKEY key)
{
    WCHAR text[64];
    DWORD cb = sizeof(text);
    RegQueryValueExW(key, L"CurrentBuildNumber", NULL, NULL, (LPBYTE)text, &cb);
    cb = sizeof(text);
    RegQueryValueExW(key, L"ProductName", NULL, NULL, (LPBYTE)text, &cb);
    /* the product name, not the build: silent */
    return wcscmp(text, L"6002") == 0;
}

BOOL IsServicePack2Build(HKEY key)
{
    WCHAR text[64];
    DWORD cb = sizeof(text);
    RegQueryValueExW(key, L"ProductName", NULL, NULL, (LPBYTE)text, &cb);
    cb = sizeof(text);
    RegQueryValueExW(key, L"CurrentBuildNumber", NULL, NULL, (LPBYTE)text, &cb);
    // expect: VG002
    return (wcscmp(text, L"6002") == 0 || wcscmp(text, L"6003") == 0);
}
