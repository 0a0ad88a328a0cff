/* A kernel-mode filter driver (ntddk.h, no compile database). */
#include <ntddk.h>

static BOOLEAN g_IsSp2;

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  RTL_OSVERSIONINFOEXW vi;
  RtlZeroMemory(&vi, sizeof(vi));
  vi.dwOSVersionInfoSize = sizeof(vi);
  if (!NT_SUCCESS(RtlGetVersion((PRTL_OSVERSIONINFOW)&vi)))
    return STATUS_UNSUCCESSFUL;
  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);
  /* expect: VG001 */
  g_IsSp2 = (vi.dwMajorVersion == 6 && vi.dwMinorVersion == 0 && vi.dwBuildNumber >= 6002);
  if (vi.dwBuildNumber >= 7600)
    return STATUS_NOT_SUPPORTED;
  return STATUS_SUCCESS;
}
