// A lower bound at the later build of an enablement bump, with no arm for
// the earlier one: the 22H2 machine is taken for something older although
// it runs the same kernel (the structure offsets of 22621 and 22631 agree).
#include <windows.h>
#include <winternl.h>

typedef NTSTATUS(WINAPI *RtlGetVersionFn)(PRTL_OSVERSIONINFOW);

ULONG_PTR StartAddressOffset() {
  RTL_OSVERSIONINFOW vi = {sizeof(vi)};
  auto fn = (RtlGetVersionFn)GetProcAddress(GetModuleHandleW(L"ntdll.dll"),
                                            "RtlGetVersion");
  if (!fn || fn(&vi) != 0)
    return 0;
  if (vi.dwBuildNumber >= 26100)
    return 0x560;
  // expect: VG001
  if (vi.dwBuildNumber >= 22641)
    return 0x520;
  if (vi.dwBuildNumber >= 22000)
    return 0x4D0;
  return 0;
}
