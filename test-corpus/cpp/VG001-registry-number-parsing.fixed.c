/* The build read from the registry as text (CurrentBuildNumber and
   CurrentBuild are REG_SZ) and turned into a number before the check. */
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <windows.h>

#define NT_CURRENT_VERSION L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"

static BOOL ScannedIsSp2(void) {
  HKEY key;
  WCHAR text[32] = L"";
  DWORD size = sizeof(text);
  DWORD build = 0;
  if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, NT_CURRENT_VERSION, 0, KEY_READ,
                    &key) != ERROR_SUCCESS)
    return FALSE;
  RegQueryValueExW(key, L"CurrentBuildNumber", NULL, NULL, (LPBYTE)text,
                   &size);
  RegCloseKey(key);
  swscanf(text, L"%lu", &build);
  /* expect: VG001 */
  return (build == 6002 || build == 6003);
}

static BOOL NarrowScanBeforeBump(void) {
  char text[16];
  DWORD size = sizeof(text);
  unsigned build = 0;
  RegGetValueA(HKEY_LOCAL_MACHINE,
               "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
               "CurrentBuild", RRF_RT_REG_SZ, NULL, text, &size);
  if (sscanf(text, "%u", &build) != 1)
    return FALSE;
  /* expect: VG001 */
  return build < 6004;
}

static BOOL ConvertedIsAtMostSp2(void) {
  WCHAR text[32];
  DWORD size = sizeof(text);
  RegGetValueW(HKEY_LOCAL_MACHINE, NT_CURRENT_VERSION, L"CurrentBuild",
               RRF_RT_REG_SZ, NULL, text, &size);
  /* expect: VG001 */
  return _wtoi(text) <= 6003;
}

static BOOL UnsignedIsSp2(void) {
  WCHAR text[32];
  DWORD size = sizeof(text);
  RegGetValueW(HKEY_LOCAL_MACHINE, NT_CURRENT_VERSION, L"CurrentBuildNumber",
               RRF_RT_REG_SZ, NULL, text, &size);
  DWORD build = wcstoul(text, NULL, 10);
  /* expect: VG001 */
  return (build == 6002 || build == 6003);
}

static BOOL LongIsSp2(void) {
  WCHAR text[32];
  DWORD size = sizeof(text);
  RegGetValueW(HKEY_LOCAL_MACHINE, NT_CURRENT_VERSION, L"CurrentBuildNumber",
               RRF_RT_REG_SZ, NULL, text, &size);
  long build = _wtol(text);
  /* expect: VG001 */
  return (build == 6002 || build == 6003);
}

/* Silent: a threshold both builds pass, and a number scanned from text
   that is not the registry's. */
static BOOL AtLeastSp2(void) {
  WCHAR text[32];
  DWORD size = sizeof(text);
  RegGetValueW(HKEY_LOCAL_MACHINE, NT_CURRENT_VERSION, L"CurrentBuildNumber",
               RRF_RT_REG_SZ, NULL, text, &size);
  return _wtoi(text) >= 6002;
}

static BOOL PortIs6002(const char *arg) {
  unsigned port = 0;
  sscanf(arg, "%u", &port);
  return port == 6002;
}

int main(int argc, char **argv) {
  return ScannedIsSp2() + NarrowScanBeforeBump() + ConvertedIsAtMostSp2() +
         UnsignedIsSp2() + LongIsSp2() + AtLeastSp2() +
         (argc > 1 && PortIs6002(argv[1]));
}
