"""A version string kept in a named constant, and checks written as
negations."""
import sys
import platform

LEGACY_PREFIX = "6.0.6002"


def at_least(build):
    return sys.getwindowsversion().build >= build


# A named string cannot gain 6003 here: writing the name twice would not
# change the test (no fix is offered; the constant is the place to change).
# expect: VG002
if platform.version().startswith(LEGACY_PREFIX):
    print("legacy kernel")

# expect: VG002
if platform.version() == LEGACY_PREFIX:
    print("exactly SP2")

# expect: VG001
if not at_least(6004):
    print("older than 6003")

BUILD = sys.getwindowsversion().build
# expect: VG001
if BUILD not in (6001, 6002, 6003):
    print("not Server 2008")

# Silent: past the bump either way.
if not at_least(6000):
    print("older than Vista")
