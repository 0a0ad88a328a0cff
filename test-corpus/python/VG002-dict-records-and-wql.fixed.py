"""A compliance report: the OS read through the wmi package into a dict
that helpers take as a parameter, a WQL query of its own, and the output of
`ver` matched with re.match."""
import logging
import re
import subprocess

import wmi

LOG = logging.getLogger("compliance")
MIN_FREE_HANDLES = 6002


def query_os():
    conn = wmi.WMI()
    os_obj = conn.Win32_OperatingSystem()[0]
    return {
        "caption": os_obj.Caption,
        "version": os_obj.Version,
        "build": os_obj.BuildNumber,
        "handles": 6002,
    }


def gather_facts():
    facts = dict(source="wmi")
    facts["build"] = int(query_os()["build"])
    facts["agent"] = 6002
    return facts


def facts_say_sp2():
    facts = gather_facts()
    # expect: VG001
    if facts.get("build") in (6002, 6003):
        return True
    # Silent: the agent's own number.
    return facts["agent"] == 6002


def sp2_hosts():
    conn = wmi.WMI()
    # expect: VG002
    rows = conn.query("SELECT CSName FROM Win32_OperatingSystem WHERE (BuildNumber = '6002' OR BuildNumber = '6003')")
    return [r.CSName for r in rows]


# The query kept in a constant: reported (and fixed) where it is written.
# expect: VG002
SP2_QUERY = "SELECT CSName FROM Win32_OperatingSystem WHERE Version LIKE '6.0.600[23]%'"
SP2_BUILD = "6002"


def sp2_hosts_by_constant():
    conn = wmi.WMI()
    hosts = [r.CSName for r in conn.query(SP2_QUERY)]
    # Put together from constants: no literal to edit, no fix.
    # expect: VG002
    hosts += [r.CSName for r in conn.query("SELECT CSName FROM Win32_OperatingSystem WHERE BuildNumber = '" + SP2_BUILD + "'")]
    return hosts


def vista_hosts():
    conn = wmi.WMI()
    # Silent: the same major and minor before and after.
    rows = conn.query("SELECT CSName FROM Win32_OperatingSystem WHERE Version LIKE '6.0.%'")
    return [r.CSName for r in rows]


def quick_check(conn):
    first = conn.Win32_OperatingSystem()[0]
    # expect: VG002
    return first.BuildNumber in ("6002", "6003")


def build_is_sp2(info):
    # expect: VG002
    return info["build"] in ("6002", "6003")


def version_is_sp2(info):
    # expect: VG002
    return info.get("version") in ("6.0.6002", "6.0.6003")


def handles_ok(info):
    # Silent: the program's own number, not the OS's.
    return info["handles"] >= MIN_FREE_HANDLES


def ver_output():
    return subprocess.check_output(["cmd", "/c", "ver"], universal_newlines=True)


def ver_is_sp2():
    text = ver_output()
    # expect: VG002
    return re.match(r".*Version 6\.0\.600[23]", text) is not None


def ver_is_not_win7():
    text = ver_output()
    # Silent: 6.1 on neither side of the bump.
    return re.match(r".*Version 6\.1\.", text) is None


def report():
    info = query_os()
    results = {
        "sp2": build_is_sp2(info),
        "sp2_version": version_is_sp2(info),
        "handles": handles_ok(info),
        "ver": ver_is_sp2() or ver_is_not_win7(),
    }
    LOG.info("%s", results)
    return results


# A query kept in a constant and run by a helper that takes it as a
# parameter: the literal filters on the OS's build wherever it is run.
# expect: VG002
LEGACY_QUERY = "SELECT Caption FROM Win32_OperatingSystem WHERE (BuildNumber = '6002' OR BuildNumber = '6003')"
# Silent: the family, on both sides of the bump.
FAMILY_QUERY = "SELECT Caption FROM Win32_OperatingSystem WHERE Version LIKE '6.0.%'"
# Silent: another class.
SERVICE_QUERY = "SELECT Name FROM Win32_Service WHERE ProcessId = 6002"


def count_rows(conn, wql):
    return len(conn.query(wql))


def legacy_rows(conn):
    return count_rows(conn, LEGACY_QUERY) + count_rows(conn, FAMILY_QUERY) + count_rows(conn, SERVICE_QUERY)
