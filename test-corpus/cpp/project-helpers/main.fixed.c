/* Calls the project's version helpers (declared in osbuild.h, defined in
   osbuild.c) with the builds of Windows Server 2008. */
#include "osbuild.h"

int main(void) {
  /* expect: VG004 */
  if (IsAtMostBuild(6003))
    return 1; /* "Server 2008 SP2 or older": no longer true on 6003 */
  /* Silent: 6003 is still at least 6002, and 7601 is past both builds. */
  if (IsAtLeastBuild(6002) && IsAtMostBuild(7601))
    return 2;
  return 0;
}
