"""Inventory facts from patterns compiled once at import time: the finding
is where the pattern is matched, its fix edits the pattern where it is
compiled."""
import re
import winreg

_LAB_SP2 = re.compile(r"^600[23]\.\d+\.")
# 6.0.6002 and 6.0.6003 both match: silent wherever it is used
_VISTA_KERNEL = re.compile(r"^6\.0\.600[0-3]")

_NT_KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"


def _read(name):
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, _NT_KEY) as key:
        return winreg.QueryValueEx(key, name)[0]


def facts():
    lab = _read("BuildLabEx")
    return {
        # expect: VG002
        "escrow_branch": bool(_LAB_SP2.match(lab)),
        "vista_kernel": bool(_VISTA_KERNEL.match(_read("CurrentVersion") + ".6002")),
    }


def needs_legacy_agent():
    # expect: VG002
    if _LAB_SP2.search(_read("BuildLabEx")):
        return True
    return False
