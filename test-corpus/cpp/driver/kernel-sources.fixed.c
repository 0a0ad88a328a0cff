/* Kernel-mode version sources: PsGetVersion, the exported NtBuildNumber
   (flag bits above the build, hence the mask), KUSER_SHARED_DATA, and a
   PEB layout the driver declares itself. */
#include <ntddk.h>

extern ULONG NtBuildNumber;

typedef struct _MY_PEB {
  UCHAR Reserved[0x118];
  ULONG OSMajorVersion;
  ULONG OSMinorVersion;
  USHORT OSBuildNumber;
} MY_PEB;

static BOOLEAN IsSp2ByPsGetVersion(void) {
  ULONG major = 0, minor = 0, build = 0;
  PsGetVersion(&major, &minor, &build, NULL);
  /* expect: VG001 */
  return major == 6 && minor == 0 && build >= 6002;
}

static BOOLEAN IsSp2ByExport(void) {
  /* expect: VG001 */
  return ((NtBuildNumber & 0xFFFF) == 6002 || (NtBuildNumber & 0xFFFF) == 6003);
}

static BOOLEAN BeforeSp2Bump(const MY_PEB *peb) {
  /* expect: VG001 */
  return peb->OSBuildNumber < 6004;
}

static BOOLEAN IsVista(void) {
  /* Major/minor only: the bump changes neither. */
  return SharedUserData->NtMajorVersion == 6 &&
         SharedUserData->NtMinorVersion == 0;
}

static BOOLEAN HasWin7Apis(void) {
  /* Fine across the bump: 6003 is not 7600. */
  return (NtBuildNumber & 0xFFFF) >= 7600;
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath) {
  UNREFERENCED_PARAMETER(DriverObject);
  UNREFERENCED_PARAMETER(RegistryPath);
  if (!IsSp2ByPsGetVersion() && !IsSp2ByExport() && !IsVista() &&
      !HasWin7Apis() && !BeforeSp2Bump(NULL))
    return STATUS_NOT_SUPPORTED;
  return STATUS_SUCCESS;
}
