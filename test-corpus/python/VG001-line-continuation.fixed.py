"""Build checks written over several lines: a backslash continues a line,
and inside parentheses a line break is only white space."""
import sys

winver = sys.getwindowsversion()


def needs_sp2_shim():
    # expect: VG001
    if sys.getwindowsversion().build in (6002, 6003):
        return True
    return False


def on_sp2_branch():
    build = winver.build
    # expect: VG001
    return build \
        < 6004


# expect: VG001
if winver.build <= 6003 and \
        winver.major == 6:
    print("Vista/2008 family")

# expect: VG001
legacy = (winver.build in (6002, 6003))

# expect: VG001
if (sys.getwindowsversion()
        .build > 6003):
    print("newer than Server 2008 SP2")

# A backslash in a comparison that a bump does not flip stays silent.
if winver.build \
        >= 6002:
    print("Server 2008 SP2 or later")
