// An inventory agent reads Win32_OperatingSystem over COM.
#include <windows.h>
#include <wbemidl.h>

#include <cwchar>

static const wchar_t kQuery[] =
    L"SELECT BuildNumber, Version FROM Win32_OperatingSystem";

bool IsServer2008Sp2(IWbemClassObject *os) {
  VARIANT build;
  VariantInit(&build);
  if (FAILED(os->Get(L"BuildNumber", 0, &build, nullptr, nullptr)))
    return false;
  // expect: VG002
  bool sp2 = (wcscmp(build.bstrVal, L"6002") == 0 || wcscmp(build.bstrVal, L"6003") == 0);
  VariantClear(&build);
  return sp2;
}

bool IsSp2ByVersion(IWbemClassObject *os) {
  VARIANT v;
  VariantInit(&v);
  os->Get(L"Version", 0, &v, nullptr, nullptr);
  // expect: VG002
  return (wcsncmp(V_BSTR(&v), L"6.0.6002", 8) == 0 || wcsncmp(V_BSTR(&v), L"6.0.6003", 8) == 0);
}

bool AtMostSp2(IWbemClassObject *os) {
  VARIANT build;
  VariantInit(&build);
  os->Get(L"BuildNumber", 0, &build, nullptr, nullptr);
  // expect: VG001
  return _wtoi(build.bstrVal) <= 6003;
}

// Silent: the same family before and after.
bool IsVistaFamily(IWbemClassObject *os) {
  VARIANT v;
  VariantInit(&v);
  os->Get(L"Version", 0, &v, nullptr, nullptr);
  return wcsncmp(v.bstrVal, L"6.0.", 4) == 0;
}

// One VARIANT reused for two properties: each read sees the last Get.
int Classify(IWbemClassObject *os) {
  VARIANT vt;
  VariantInit(&vt);
  int r = 0;
  os->Get(L"BuildNumber", 0, &vt, nullptr, nullptr);
  // expect: VG002
  if (wcscmp(vt.bstrVal, L"6002") == 0 || wcscmp(vt.bstrVal, L"6003") == 0)
    r |= 1;
  VariantClear(&vt);
  os->Get(L"Caption", 0, &vt, nullptr, nullptr);
  // Silent: the product name is the same before and after.
  if (wcsstr(vt.bstrVal, L"2008") != nullptr)
    r |= 2;
  return r;
}
