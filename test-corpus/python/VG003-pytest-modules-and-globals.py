"""A pytest module whose winreg comes from pytest.importorskip, whose
helpers take a default some calls give as a version and others as text,
and whose host facts a function stores in module globals."""
import platform
import re
import sys

import pytest

winreg = pytest.importorskip("winreg")

CV_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"


def _cv(name, default=None):
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, CV_KEY) as key:
            return winreg.QueryValueEx(key, name)[0]
    except FileNotFoundError:
        return default


def _ubr():
    value = _cv("UBR")
    if value is not None:
        return int(value)
    lab = _cv("BuildLabEx", "")
    m = re.match(r"\d+\.(\d+)\.", lab)
    return int(m.group(1)) if m else 0


WINVER = sys.getwindowsversion()
BUILD = int(_cv("CurrentBuildNumber", WINVER.build))
UBR = _ubr()

HOST_BUILD = None
HOST_REVISION = None


def detect_host():
    global HOST_BUILD, HOST_REVISION
    HOST_BUILD = WINVER.build
    HOST_REVISION = _ubr()


def _triplet():
    return tuple(int(p) for p in platform.version().split("."))


def test_rollup():
    # expect: VG003
    assert UBR >= 24500, f"rollup missing (UBR={UBR})"


def test_legacy_monitor():
    _major, _minor, build = _triplet()
    expect_xps = build >= 6002
    # expect: VG001
    expect_legacy = build < 6003
    assert expect_xps or expect_legacy


def check_schannel():
    # expect: VG001
    if HOST_BUILD == 6002:
        return "SP2"
    if HOST_REVISION >= 20000:
        return "LDR"
    return None
