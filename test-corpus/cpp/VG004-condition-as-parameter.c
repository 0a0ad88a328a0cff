/* Setup custom actions share one VerifyVersionInfoW wrapper whose build
 * and build condition are both parameters: each call is judged with its
 * own build and condition. */
#define _WIN32_WINNT 0x0600
#include <windows.h>

static BOOL MatchOs(DWORD major, DWORD minor, DWORD build, BYTE buildOp)
{
    OSVERSIONINFOEXW osvi;
    DWORDLONG mask = 0;
    ZeroMemory(&osvi, sizeof(osvi));
    osvi.dwOSVersionInfoSize = sizeof(osvi);
    osvi.dwMajorVersion = major;
    osvi.dwMinorVersion = minor;
    osvi.dwBuildNumber = build;
    VER_SET_CONDITION(mask, VER_MAJORVERSION, VER_EQUAL);
    VER_SET_CONDITION(mask, VER_MINORVERSION, VER_EQUAL);
    VER_SET_CONDITION(mask, VER_BUILDNUMBER, buildOp);
    return VerifyVersionInfoW(&osvi, VER_MAJORVERSION | VER_MINORVERSION | VER_BUILDNUMBER, mask);
}

BOOL CA_IsServer2008Sp2Exact(void)
{
    /* expect: VG004 */
    return MatchOs(6, 0, 6002, VER_EQUAL);
}

BOOL CA_IsPatchedSp2(void)
{
    /* expect: VG004 */
    return MatchOs(6, 0, 6002, VER_GREATER);
}

BOOL CA_IsVistaOrLater(void)
{
    /* Silent: 6000 or later on both sides of the bump. */
    return MatchOs(6, 0, 6000, VER_GREATER_EQUAL);
}

BOOL CA_IsWin7Sp1(void)
{
    /* Silent: 6.1 on neither side. */
    return MatchOs(6, 1, 7601, VER_EQUAL);
}
