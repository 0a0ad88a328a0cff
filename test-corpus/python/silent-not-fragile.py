"""Checks that survive the 6002 -> 6003 bump, and values that are not the OS."""
import platform
import sys

winver = sys.getwindowsversion()
if winver.build >= 6002:
    print("SP2 or later: fine after the bump too")
if winver.major >= 6:
    print("Vista family or later")
if winver.build < 6002:
    print("before SP2: false on both builds")
if sys.getwindowsversion()[:3] >= (6, 0, 6002):
    print("tuple compare, at least SP2")
if winver.build in (6002, 6003):
    print("knows both builds of the bump")
if platform.version().startswith("6.0.600"):
    print("any Vista/2008 build")
if platform.release() == "2008Server":
    print("the release name does not change with the bump")
if sys.version_info >= (3, 6):
    print("the interpreter's version, not the OS's")

# Python 3: a str is never equal to an int, before or after the bump.
if platform.version() == 6002:
    print("never true")

NAMES = {6002: "2008 SP2", 6003: "2008 SP2", 7601: "2008 R2 SP1"}
print(NAMES.get(winver.build, "unknown"))

match winver.build:
    case 6002 | 6003:
        print("SP2 either side of KB4489887")
    case 7601:
        print("R2 SP1")

port = 6002
if port == 6002:
    print("default listener port")

# A comment about build 6002 is not a check: if build == 6002:
note = "Tested on Windows Server 2008 SP2 (build 6002)"
