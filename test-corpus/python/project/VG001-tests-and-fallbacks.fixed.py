"""A test module of the package: skips decided by decorators, the module
imported relative to the package, and reads that fall back when they fail."""
import sys
import unittest

from . import osinfo

try:
    import winreg
except ImportError:
    winreg = None

CURRENT_VERSION = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"


def registry_build():
    try:
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, CURRENT_VERSION)
        build = int(winreg.QueryValueEx(key, "CurrentBuildNumber")[0])
    except OSError:
        build = 0
    # expect: VG001
    return "legacy" if build in (6002, 6003) else "current"


class ServiceTests(unittest.TestCase):
    # expect: VG001
    @unittest.skipIf(sys.getwindowsversion().build < 6004, "needs 6003")
    def test_modern_stack(self):
        pass

    # Silent: the same on 6002 and 6003.
    @unittest.skipIf(sys.getwindowsversion().build < 6000, "needs Vista")
    def test_vista_stack(self):
        pass

    def test_provider(self):
        # expect: VG001
        if osinfo.os_build() <= 6003:
            self.skipTest("old WMI provider")
