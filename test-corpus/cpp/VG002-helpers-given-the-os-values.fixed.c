/* Helpers of a firmware updater. The first two are given the OS's values
 * by every caller, so their own tests are reported (and fixed) inside them,
 * not at each call; the last is given its build at the call. */
#include <windows.h>

typedef struct {
    WCHAR buildLab[128];
    DWORD build;
} FW_OS_INFO;

static __inline BOOL FwLabIsSp2(const WCHAR *lab)
{
    // expect: VG002
    return (_wcsnicmp(lab, L"6002.", 5) == 0 || _wcsnicmp(lab, L"6003.", 5) == 0);
}

static __inline BOOL FwUsesLegacyFlash(DWORD build)
{
    // expect: VG001
    return build <= 6003 ? TRUE : FALSE;
}

static __inline BOOL FwIsExactBuild(DWORD build)
{
    OSVERSIONINFOEXW osvi = { sizeof(osvi) };
    osvi.dwBuildNumber = build;
    return VerifyVersionInfoW(&osvi, VER_BUILDNUMBER,
                              VerSetConditionMask(0, VER_BUILDNUMBER, VER_EQUAL));
}

static BOOL FwQueryOs(FW_OS_INFO *info)
{
    OSVERSIONINFOW vi = { sizeof(vi) };
    DWORD cb = sizeof(info->buildLab);
    if (RegGetValueW(HKEY_LOCAL_MACHINE,
                     L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
                     L"BuildLabEx", RRF_RT_REG_SZ, NULL, info->buildLab,
                     &cb) != ERROR_SUCCESS)
        info->buildLab[0] = L'\0';
#pragma warning(suppress : 4996)
    if (!GetVersionExW(&vi))
        return FALSE;
    info->build = vi.dwBuildNumber;
    return TRUE;
}

DWORD FwStageMethod(void)
{
    FW_OS_INFO info;
    DWORD method = 0;
    if (!FwQueryOs(&info))
        return 0;
    if (FwLabIsSp2(info.buildLab))
        method |= 0x20;
    if (FwUsesLegacyFlash(info.build))
        method |= 0x02;
    // expect: VG004
    if (FwIsExactBuild(6002))
        method |= 0x10;
    return method;
}
