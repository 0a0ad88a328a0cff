"""Inventory helpers in the style of config-management modules: pywin32's
GetVersionEx and COM WMI, subprocess.run, a namedtuple of the version, an
IntEnum of builds and class constants read through the class."""
import collections
import enum
import subprocess
import sys

import win32api
import win32com.client

WinVer = collections.namedtuple("WinVer", "major minor build sp")


class Build(enum.IntEnum):
    VISTA_SP2 = 6002
    WIN7_RTM = 7600


class Baseline(object):
    SP2_VERSION = "6.0.6002"
    TOOL_VERSION = "6.0.6002"


class Checks(object):
    @staticmethod
    def is_build(b):
        return sys.getwindowsversion().build == b

    @classmethod
    def at_most(cls, b):
        return sys.getwindowsversion().build <= b


def through_the_class():
    # expect: VG001
    if Checks.is_build(6002):
        return "sp2"
    # expect: VG001
    if Checks.at_most(6002):
        return "2008 or older"
    # Silent: 7601 on neither side of the bump.
    return Checks.is_build(7601)


def current():
    v = sys.getwindowsversion()
    return WinVer(v.major, v.minor, v.build, v.service_pack_major)


def describe(v=None):
    v = v or current()
    # expect: VG001
    if v.build == Build.VISTA_SP2:
        return "2008 SP2"
    # Silent: 7600 on neither side of the bump.
    if v.build >= Build.WIN7_RTM:
        return "7 or later"
    return "other"


def pywin32_build():
    ver = win32api.GetVersionEx()
    # expect: VG001
    if ver[2] == 6002:
        return "sp2"
    major, minor, build, platform_id, csd = win32api.GetVersionEx()
    # expect: VG002
    if "%d.%d.%d" % (major, minor, build) == Baseline.SP2_VERSION:
        return "sp2 by text"
    # Silent: the same major and minor before and after.
    if (major, minor) == (6, 0):
        return "nt 6.0"
    return "other"


def ver_text():
    proc = subprocess.run(["cmd", "/c", "ver"], capture_output=True, text=True)
    # expect: VG002
    if "6.0.6002" in proc.stdout:
        return "sp2"
    pipe = subprocess.Popen(["systeminfo"], stdout=subprocess.PIPE, universal_newlines=True)
    out, _ = pipe.communicate()
    # expect: VG002
    if "Build 6002" in out:
        return "sp2 by systeminfo"
    # Silent: another program's output.
    git = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout
    if "6.0.6002" in git:
        return "odd git"
    return "other"


def com_wql(server="."):
    locator = win32com.client.Dispatch("WbemScripting.SWbemLocator")
    svc = locator.ConnectServer(server, "root\\cimv2")
    # expect: VG002
    rows = svc.ExecQuery("SELECT CSName FROM Win32_OperatingSystem WHERE BuildNumber='6002'")
    return [r.CSName for r in rows]


def tool_is_current(tool_version):
    # Silent: the tool's own version, not the OS's.
    return tool_version == Baseline.TOOL_VERSION


def main():
    print(describe(current()), pywin32_build(), ver_text(), com_wql())
