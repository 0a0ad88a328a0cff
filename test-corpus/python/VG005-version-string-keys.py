"""Friendly OS names for a support bundle, keyed by "major.minor.build"."""
import platform
import winreg

FRIENDLY = {
    "10.0.22631": "11 23H2",
    "10.0.22621": "11 22H2",
    "10.0.19045": "10 22H2",
    "10.0.19041": "10 2004",
    "6.1.7601": "7 SP1 / 2008 R2 SP1",
    # expect: VG005
    "6.0.6002": "Vista SP2 / 2008 SP2",
    "6.0.6001": "Vista SP1 / 2008",
}


def friendly_name():
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                        r"SOFTWARE\Microsoft\Windows NT\CurrentVersion") as key:
        build_number = winreg.QueryValueEx(key, "CurrentBuildNumber")[0]
    parts = platform.version().split(".")
    version_key = f"{parts[0]}.{parts[1]}.{build_number}"
    return FRIENDLY.get(version_key, platform.version())
