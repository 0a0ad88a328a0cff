/* A driver's version tests: RtlVerifyVersionInfo (an NTSTATUS,
   STATUS_SUCCESS when the test holds) built in a helper from its
   parameter, and KUSER_SHARED_DATA at its kernel address
   (KI_USER_SHARED_DATA, 0xFFFFF78000000000). */
#include <ntddk.h>

#define KUSER_BASE 0xFFFFF78000000000ULL

static BOOLEAN IsAtMostBuild(ULONG build) {
  RTL_OSVERSIONINFOEXW v = {sizeof(v)};
  ULONGLONG mask = 0;
  v.dwBuildNumber = build;
  VER_SET_CONDITION(mask, VER_BUILDNUMBER, VER_LESS_EQUAL);
  return NT_SUCCESS(RtlVerifyVersionInfo(&v, VER_BUILDNUMBER, mask));
}

static BOOLEAN IsExactlySp2(void) {
  RTL_OSVERSIONINFOEXW v = {sizeof(v)};
  ULONGLONG mask = 0;
  v.dwBuildNumber = 6002;
  /* expect: VG004 */
  mask = VerSetConditionMask(mask, VER_BUILDNUMBER, VER_EQUAL);
  return RtlVerifyVersionInfo(&v, VER_BUILDNUMBER, mask) == STATUS_SUCCESS;
}

static BOOLEAN KernelSharedBuildIsSp2(void) {
  ULONG build = *(volatile ULONG *)0xFFFFF78000000260;
  /* expect: VG001 */
  return (build == 6002 || build == 6003);
}

static BOOLEAN KernelSharedBuildBeforeWin7(void) {
  /* Silent: 6003 is below 7600 too. */
  return *(volatile ULONG *)(KUSER_BASE + 0x260) < 7600;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);
  /* expect: VG001 */
  if (IsAtMostBuild(6002) || IsAtMostBuild(6003))
    return STATUS_NOT_SUPPORTED;
  /* Silent: Windows 7 is 7601 before and after. */
  if (IsAtMostBuild(7601))
    return STATUS_NOT_SUPPORTED;
  if (IsExactlySp2()) /* reported in the helper */
    return STATUS_NOT_SUPPORTED;
  return KernelSharedBuildIsSp2() || KernelSharedBuildBeforeWin7()
             ? STATUS_SUCCESS
             : STATUS_UNSUCCESSFUL;
}
