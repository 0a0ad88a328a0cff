/* Tables of build ranges searched through a pointer to the current entry:
 * 6002 falls in a row that ends at 6002, 6003 in none. */
#include <windows.h>

typedef struct {
    WORD minBuild;
    WORD maxBuild;
    DWORD flags;
    PCWSTR provider;
} HOST_RANGE;

static const HOST_RANGE g_hostRanges[] = {
    /* expect: VG005 */
    { 6000, 6002, 0x1, L"slc_legacy.dll" },
    { 7600, 7601, 0x2, L"slc.dll" },
    { 9200, 0xFFFF, 0x6, L"slc.dll" },
};

/* Ranges that already reach 6003: silent. */
static const HOST_RANGE g_driverRanges[] = {
    { 6000, 6003, 0x10, L"flt_lh.sys" },
    { 7600, 0xFFFF, 0x20, L"flt.sys" },
};

static const HOST_RANGE *FindHostRange(WORD build)
{
    UINT i;
    for (i = 0; i < ARRAYSIZE(g_hostRanges); ++i) {
        const HOST_RANGE *r = &g_hostRanges[i];
        if (build >= r->minBuild && build <= r->maxBuild)
            return r;
    }
    return NULL;
}

static PCWSTR DriverFor(WORD build)
{
    const HOST_RANGE *r;
    for (r = g_driverRanges; r < g_driverRanges + ARRAYSIZE(g_driverRanges); ++r) {
        if (build >= r->minBuild && build <= r->maxBuild)
            return r->provider;
    }
    return NULL;
}

PCWSTR SelectProvider(void)
{
    OSVERSIONINFOW vi = { sizeof(vi) };
    const HOST_RANGE *range;
#pragma warning(suppress : 4996)
    if (!GetVersionExW(&vi))
        return NULL;
    range = FindHostRange((WORD)vi.dwBuildNumber);
    return range ? range->provider : DriverFor((WORD)vi.dwBuildNumber);
}
