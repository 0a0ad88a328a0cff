"""Prerequisite checks for the legacy print connector (Server 2008 SP2)."""
import logging
import sys

log = logging.getLogger(__name__)

winver = sys.getwindowsversion()
# expect: VG001
if winver.build == 6002:
    log.info("Windows Server 2008 SP2 detected")

# expect: VG001
if sys.getwindowsversion().build <= 6002:
    log.info("Vista/2008 family: use the XP-compatible spooler API")

# expect: VG001
if sys.getwindowsversion()[2] < 6003:
    log.info("still on the SP2 servicing branch")

# expect: VG001
newer_than_sp2 = winver.build > 6002

# The struct sequence compares as a tuple, element by element.
# expect: VG001
if sys.getwindowsversion()[:3] <= (6, 0, 6002):
    log.warning("needs the KB4474419 SHA-2 update")

major, minor, build = sys.getwindowsversion()[:3]
# expect: VG001
if major == 6 and minor == 0 and build == 6002:
    log.info("exactly SP2")

# expect: VG001
if build in (6001, 6002):
    log.info("Vista SP1/SP2 code path")

# if/elif ladder on the build: the first arm loses SP2 after the bump.
# expect: VG001
if build == 6002:
    release = "2008 SP2"
elif build == 7601:
    release = "2008 R2 SP1"
else:
    release = "unknown"

# expect: VG001
supported = "yes" if winver.build != 6002 else "no"

# Tuples compared whole: equal if every item is, unequal if any is.
# expect: VG001
if (winver.major, winver.minor, winver.build) == (6, 0, 6002):
    log.info("SP2 by tuple")

# expect: VG001
if (winver.major, winver.build) != (6, 6002):
    log.info("not SP2 by tuple")
