import platform
import re
import sys

version = platform.version()
# expect: VG002
if version == "6.0.6002":
    print("Server 2008 SP2")

# expect: VG002
if platform.version().startswith("6.0.6002"):
    print("SP2 family")

# expect: VG002
if "6.0.6002" in platform.platform():
    print("platform string names SP2")

# expect: VG002
if platform.win32_ver()[1] == "6.0.6002":
    print("win32_ver says SP2")

# expect: VG002
if re.match(r"6\.0\.6002", platform.version()):
    print("regex says SP2")

# expect: VG002
if re.search("6002", version):
    print("anywhere in the version")

v = sys.getwindowsversion()
label = f"{v.major}.{v.minor}.{v.build}"
# expect: VG002
if label == "6.0.6002":
    print("formatted version")

# expect: VG002
if version.startswith(("6.0.6001", "6.0.6002")):
    print("Vista SP1 or SP2")

# A build written as text and looked up among strings (a build test).
# expect: VG001
if str(sys.getwindowsversion().build) in ("6001", "6002"):
    print("Server 2008 by its build's text")

# str.format with plain and numbered fields.
wv = sys.getwindowsversion()
# expect: VG002
if "{}.{}.{}".format(wv.major, wv.minor, wv.build) == "6.0.6002":
    print("formatted with str.format")
# expect: VG002
if "{0}.{1}.{2}".format(wv.major, wv.minor, wv.build).startswith("6.0.6002"):
    print("numbered fields")
# Silent: the same major and minor before and after.
if "{}.{}".format(wv.major, wv.minor) == "6.0":
    print("NT 6.0")

# Version objects of distutils and packaging compare part by part.
from distutils.version import LooseVersion
from packaging.version import Version, parse as parse_version

# expect: VG002
if LooseVersion(platform.version()) < LooseVersion("6.0.6003"):
    print("before the bump")
# expect: VG002
if Version(platform.version()) == Version("6.0.6002"):
    print("exactly SP2")
# A chain is reported without a fix (a second comparison joined with `or`
# would break it).
# expect: VG002
if Version("6.0.6000") <= Version(platform.version()) <= Version("6.0.6002"):
    print("Vista family up to SP2")
# Silent: true on both builds.
if parse_version(platform.version()) >= parse_version("6.0.6002"):
    print("SP2 or later")
# Silent: the program's own minimum, not the OS's.
APP_MIN = Version("6.0.6002")
if APP_MIN == Version("6.0.6002"):
    print("app floor")
plat = platform.platform()
# "Windows-2008Server-6.0.6002-SP2": its version and service pack last.
# expect: VG002
if plat.endswith("6.0.6002-SP2"):
    print("2008 SP2 by platform()")
# Silent: the service pack is the same before and after.
if plat.endswith("-SP2"):
    print("a second service pack")
