// A class named for the OS version keeps the registry's CurrentVersion
// ("6.0") in a text member a helper fills: that member is not the whole
// version its name suggests, and the build next to it is still tested.
#include <windows.h>
#include <wchar.h>
#include <stdlib.h>

static bool ReadCvString(const wchar_t *valueName, wchar_t *buf, DWORD cch)
{
    DWORD cb = cch * sizeof(wchar_t);
    return RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
                        valueName, RRF_RT_REG_SZ, NULL, buf, &cb) == ERROR_SUCCESS;
}

class OsVersion {
public:
    bool Load()
    {
        wchar_t buildText[16];
        if (!ReadCvString(L"CurrentBuildNumber", buildText, 16))
            return false;
        m_build = (DWORD)wcstoul(buildText, NULL, 10);
        return ReadCvString(L"CurrentVersion", m_version, 16);
    }
    bool IsSp2() const
    {
        // expect: VG001
        return wcscmp(m_version, L"6.0") == 0 && m_build >= 6002;
    }
    bool IsLonghorn() const
    {
        // Silent: "6.0" on both sides of the bump.
        return wcscmp(m_version, L"6.0") == 0;
    }

private:
    DWORD m_build = 0;
    wchar_t m_version[16] = {};
};

int main()
{
    OsVersion os;
    os.Load();
    return os.IsSp2() ? 1 : 0;
}
