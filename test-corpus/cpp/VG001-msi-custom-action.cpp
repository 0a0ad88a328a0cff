// A Windows Installer custom action reads the OS from the installer's
// properties: WindowsBuild is the build, VersionNT 600 on Vista/2008.
#include <windows.h>

#include <msi.h>
#include <msiquery.h>

#include <stdlib.h>

UINT __stdcall CheckOperatingSystem(MSIHANDLE install) {
  wchar_t build[32];
  DWORD buildChars = 32;
  MsiGetPropertyW(install, L"WindowsBuild", build, &buildChars);
  // expect: VG001
  if (_wtoi(build) == 6002)
    MsiSetPropertyW(install, L"LEGACY_STACK", L"1");

  wchar_t nt[32];
  DWORD ntChars = 32;
  MsiGetPropertyW(install, L"VersionNT", nt, &ntChars);
  // Silent: VersionNT is 600 on both builds.
  if (_wtoi(nt) >= 600)
    MsiSetPropertyW(install, L"VISTA_OR_LATER", L"1");

  wchar_t product[32];
  DWORD productChars = 32;
  MsiGetPropertyW(install, L"ProductVersion", product, &productChars);
  // Silent: the package's own version.
  if (_wtoi(product) == 6002)
    MsiSetPropertyW(install, L"OLD_PACKAGE", L"1");
  return ERROR_SUCCESS;
}
