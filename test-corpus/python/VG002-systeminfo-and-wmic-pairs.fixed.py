"""An inventory agent reads `systeminfo` and `wmic ... /value` into dicts of
key/value pairs, line by line, and tests what the dicts hold."""
import re
import subprocess


def run(cmd):
    return subprocess.check_output(cmd, universal_newlines=True)


def pairs(text, sep):
    """Each `Key<sep> value` line of text, keyed by its stripped key."""
    found = {}
    for line in text.splitlines():
        if sep not in line:
            continue
        key, _, value = line.partition(sep)
        found[key.strip()] = value.strip()
    return found


def os_build(info):
    m = re.match(r"(\d+)\.(\d+)\.(\d+)", info.get("OS Version", ""))
    if not m:
        return 0
    return int(m.group(3))


def report():
    info = pairs(run(["systeminfo", "/fo", "list"]), ":")
    # expect: VG002
    if os_build(info) in (6002, 6003):
        print("Windows Server 2008 SP2")
    # expect: VG002
    if info["OS Version"].startswith(("6.0.6002", "6.0.6003")):
        print("SP2 by its version line")
    major, minor, build = re.match(r"(\d+)\.(\d+)\.(\d+)", info["OS Version"]).groups()
    # expect: VG002
    if int(build) <= 6003:
        print("SP2 or older")
    # Silent: the major and minor version are the same before and after.
    if (major, minor) == ("6", "0"):
        print("NT 6.0")
    # Silent: the product's name carries no build.
    if info.get("OS Name", "").endswith("6002"):
        print("never")
    # Silent: a line systeminfo does not print.
    if info.get("Kernel Build") == "6002":
        print("never either")


def wmic_values():
    out = run(["wmic", "os", "get", "BuildNumber,Version", "/value"])
    d = {}
    for line in out.splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            d[k.strip()] = v.strip()
    return d


values = wmic_values()
# expect: VG002
if values.get("BuildNumber") in ("6002", "6003"):
    print("wmic says SP2")
# expect: VG002
if values["Version"] in ("6.0.6001", "6.0.6002", "6.0.6003"):
    print("wmic says 2008")
# Silent: every 6.0 build.
if values["Version"].startswith("6.0."):
    print("wmic says NT 6.0")
# No fix: it would write the test twice, and run wmic twice.
# expect: VG002
if "BuildNumber=6002" in run("wmic os get BuildNumber /value"):
    print("raw wmic output")
# Silent: another class's output is no version source.
if "6002" in run("wmic bios get SerialNumber /value"):
    print("a serial number")


def new_facts():
    return {}


# A record made empty by a helper and filled here.
facts = new_facts()
facts["build"] = int(values.get("BuildNumber", "0"))
# expect: VG002
if facts["build"] in (6002, 6003):
    print("wmic's build, through a record")
