// WMI queries on Win32_OperatingSystem written as literals, run through
// IWbemServices::ExecQuery or handed to the program's own helper: their
// WHERE clause selects the instances, nothing after the bump.
#include <windows.h>
#include <comdef.h>
#include <wbemidl.h>

class WmiSession {
public:
    explicit WmiSession(IWbemServices *svc) : svc_(svc) {}
    bool Any(const wchar_t *query)
    {
        IEnumWbemClassObject *e = nullptr;
        if (FAILED(svc_->ExecQuery(_bstr_t(L"WQL"), _bstr_t(query),
                                   WBEM_FLAG_FORWARD_ONLY, nullptr, &e)))
            return false;
        IWbemClassObject *o = nullptr;
        ULONG n = 0;
        bool found = SUCCEEDED(e->Next(WBEM_INFINITE, 1, &o, &n)) && n == 1;
        if (o)
            o->Release();
        e->Release();
        return found;
    }

private:
    IWbemServices *svc_;
};

bool UsesSp2Writer(IWbemServices *svc)
{
    IEnumWbemClassObject *e = nullptr;
    // expect: VG002
    HRESULT hr = svc->ExecQuery(_bstr_t(L"WQL"), _bstr_t(L"SELECT * FROM Win32_OperatingSystem WHERE (BuildNumber = '6002' OR BuildNumber = '6003')"),
                                WBEM_FLAG_FORWARD_ONLY, nullptr, &e);
    if (e)
        e->Release();
    return SUCCEEDED(hr);
}

bool IsLonghornFamily(WmiSession &wmi)
{
    // 6.0.6002 and 6.0.6003 both start with 6.0.: silent
    return wmi.Any(L"SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.%'");
}

bool IsEscrowBaseline(WmiSession &wmi)
{
    // expect: VG002
    return wmi.Any(L"SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.600[23]%'");
}

bool IsR2(WmiSession &wmi)
{
    // another release: silent
    return wmi.Any(L"SELECT Caption FROM Win32_OperatingSystem WHERE BuildNumber = '7601'");
}
