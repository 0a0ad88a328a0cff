// An else-if ladder of lower bounds with an arm at each build of a bump
// (>= 22631 "23H2", >= 22621 "22H2") names both releases: identification,
// silent like a switch with a case for each.
#include <windows.h>
#include <winternl.h>

typedef NTSTATUS(WINAPI *RtlGetVersionFn)(PRTL_OSVERSIONINFOW);

const char *FeatureUpdateName() {
  RTL_OSVERSIONINFOW vi = {sizeof(vi)};
  auto fn = (RtlGetVersionFn)GetProcAddress(GetModuleHandleW(L"ntdll.dll"),
                                            "RtlGetVersion");
  if (!fn || fn(&vi) != 0)
    return "unknown";
  if (vi.dwBuildNumber >= 26200)
    return "25H2";
  else if (vi.dwBuildNumber >= 26100)
    return "24H2";
  else if (vi.dwBuildNumber >= 22631)
    return "23H2";
  else if (vi.dwBuildNumber >= 22621)
    return "22H2";
  else if (vi.dwBuildNumber >= 22000)
    return "21H2";
  return "Windows 10 or older";
}
