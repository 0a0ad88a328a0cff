/* KUSER_SHARED_DATA read by its fixed address, as user-mode code does
   without the WDK's SharedUserData: 0x7FFE0260 holds NtBuildNumber,
   0x7FFE026C NtMajorVersion, 0x7FFE0270 NtMinorVersion. */
#include <windows.h>

#define USER_SHARED_BASE 0x7FFE0000
#define BUILD_ADDRESS 0x7FFE0260
#define SHARED_BUILD (*(volatile ULONG *)BUILD_ADDRESS)

static BOOL RunsOnServer2008Sp2(void) {
  /* expect: VG001 */
  return (*(ULONG *)0x7FFE0260 == 6002 || *(ULONG *)0x7FFE0260 == 6003);
}

static BOOL NeedsSp2Workaround(void) {
  volatile ULONG *build = (volatile ULONG *)0x7FFE0260;
  /* expect: VG001 */
  return *build <= 6003;
}

static BOOL BeforeWindows7(void) {
  /* expect: VG001 */
  if (SHARED_BUILD < 6004)
    return TRUE;
  return FALSE;
}

static BOOL IsSp2ByOffset(void) {
  ULONG build = *(PULONG)(USER_SHARED_BASE + 0x260);
  /* expect: VG001 */
  return (build == 6002 || build == 6003);
}

static BOOL IsSp2LowWord(void) {
  /* expect: VG001 */
  return ((*(volatile ULONG *)0x7FFE0260 & 0xFFFF) == 6002 || (*(volatile ULONG *)0x7FFE0260 & 0xFFFF) == 6003);
}

/* Silent: major and minor do not change across the bump, and 7600 is
   above both builds. */
static BOOL IsVistaFamily(void) {
  return *(ULONG *)0x7FFE026C == 6 && *(ULONG *)0x7FFE0270 == 0;
}

static BOOL HasWindows7(void) { return *(ULONG *)0x7FFE0260 >= 7600; }

static BOOL AtLeastSp2(void) { return SHARED_BUILD >= 6002; }

int main(void) {
  return RunsOnServer2008Sp2() + NeedsSp2Workaround() + BeforeWindows7() +
         IsSp2ByOffset() + IsSp2LowWord() + IsVistaFamily() + HasWindows7() +
         AtLeastSp2();
}
