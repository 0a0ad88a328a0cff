"""A scheduler's helpers: `ver` output read with subprocess and a regex,
predicates written as lambdas, and a WMI connection handed to a helper."""
import platform
import re
import subprocess

import wmi


def os_build():
    return int(platform.version().split(".")[2])


# expect: VG001
is_sp2 = lambda: os_build() == 6002
# expect: VG001
pre_bump = lambda: os_build() < 6003
# Silent: the same on 6002 and 6003.
is_nt6 = lambda: os_build() >= 6000
# Silent: the lambda's own parameter, not the OS's build.
by_port = sorted([6002, 80], key=lambda build: build == 6002)


def from_ver():
    out = subprocess.check_output(["cmd", "/c", "ver"], universal_newlines=True)
    # expect: VG002
    if "6.0.6002" in out:
        return "sp2"
    m = re.search(r"Version 6\.0\.(\d+)", out)
    # expect: VG002
    if m and m.group(1) == "6002":
        return "sp2 by regex"
    # Silent: the family is the same before and after.
    if "6.0." in out:
        return "nt 6.0"
    text = subprocess.check_output("ver", shell=True).decode()
    # expect: VG002
    if text.find("6.0.6002") >= 0:
        return "sp2 by find"
    # Silent: another program's output.
    tool = subprocess.check_output(["git", "--version"], universal_newlines=True)
    if "6.0.6002" in tool:
        return "odd git"
    return "other"


def classify(conn):
    for os_ in conn.Win32_OperatingSystem():
        # expect: VG002
        if os_.BuildNumber == "6002":
            return "2008sp2"
        # Silent: WMI's BuildNumber is a string, never equal to a number.
        if os_.BuildNumber == 6002:
            return "never"
    return "other"


def systeminfo_os_line():
    try:
        out = subprocess.check_output(["systeminfo"], universal_newlines=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    for line in out.splitlines():
        if line.startswith("OS Version:"):
            return line.split(":", 1)[1].strip()
    return None


def systeminfo_name_line():
    out = subprocess.check_output(["systeminfo"], universal_newlines=True)
    for line in out.splitlines():
        if line.startswith("OS Name:"):
            return line
    return ""


def check_systeminfo():
    text = systeminfo_os_line()
    if text is None:
        return "unknown"
    # expect: VG002
    if text.find("6.0.6002") != -1:
        return "sp2 by systeminfo"
    # Silent: the OS name line holds no build.
    if "6002" in systeminfo_name_line():
        return "never"
    return "other"


def from_pipe():
    ver = subprocess.Popen("cmd /c ver", stdout=subprocess.PIPE, universal_newlines=True)
    # No fix: a second find() would read the pipe again, and find it empty.
    # expect: VG002
    if ver.stdout.read().find("6.0.6002") != -1:
        return "sp2 by its pipe"
    # No fix: the same for `in`.
    # expect: VG002
    if "6.0.6002" in subprocess.Popen("cmd /c ver", stdout=subprocess.PIPE, universal_newlines=True).communicate()[0]:
        return "sp2 by communicate"
    return "other"


def ver_named_groups():
    out = subprocess.check_output("cmd /c ver", universal_newlines=True)
    m = re.search(r"Version (?P<major>\d+)\.(?P<minor>\d+)\.(?P<build>\d+)", out)
    if m is None:
        return "unknown"
    # expect: VG002
    if int(m.group("build")) == 6002:
        return "sp2 by a named group"
    # Silent: the minor version is 0 on both sides.
    if m.group("minor") == "0":
        return "vista family"
    return "other"


def main():
    print(from_ver(), from_pipe(), classify(wmi.WMI()), is_sp2(), pre_bump(), is_nt6())
