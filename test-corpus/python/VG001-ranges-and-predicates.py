"""Checks returned as values, win32_ver's version string, and ranges."""
import platform
import sys


def sp2_by_prefix():
    version = platform.version()
    # expect: VG002
    return version.startswith("6.0.6002")


def sp2_by_win32_ver():
    # expect: VG002
    return platform.win32_ver()[1].startswith("6.0.6002")


def sp2_by_suffix():
    release, version, csd, ptype = platform.win32_ver()
    # expect: VG002
    return version.endswith(".6002")


def vista_family():
    build = sys.getwindowsversion().build
    # expect: VG001
    if build in range(6000, 6003):
        return "Vista/2008"
    # expect: VG001
    if build not in range(6000, 6003):
        return "other"
    return "?"


def seven():
    build = sys.getwindowsversion().build
    # Both 7600 and 7601 sides of no bump: silent.
    return build in range(7600, 7602)


def stepped():
    build = sys.getwindowsversion().build
    # A step: not every integer, not read. Silent.
    return build in range(6000, 6010, 2)

# A build looked for with any() over literal items (no text to edit here).
# expect: VG001
if any(sys.getwindowsversion().build == b for b in (6001, 6002)):
    print("Server 2008 by any()")
# Silent: 6002 and 6003 both listed.
if any(sys.getwindowsversion().build == b for b in (6002, 6003)):
    print("SP2 family by any()")
