"""Facts gathered with an injectable source (a test passes its own), and a
host object handed to the functions that plan the install."""
import subprocess
import sys


def _run(cmd):
    return subprocess.check_output(cmd, shell=True).decode("ascii", errors="replace")


def wmic_os():
    facts = {}
    for line in _run("wmic os get BuildNumber,CSDVersion,Version /value").splitlines():
        key, sep, value = line.strip().partition("=")
        if sep:
            facts[key] = value.strip()
    return facts


class OsFacts(object):
    def __init__(self, raw=None):
        # A test passes its own dict; in production nothing is passed.
        raw = raw if raw is not None else wmic_os()
        self.version = raw.get("Version", "")
        try:
            self.build = int(raw.get("BuildNumber") or 0)
        except ValueError:
            self.build = 0
        self.csd = raw.get("CSDVersion", "")

    def is_pre_win7(self):
        # A number read out of wmic's text: a match on its output.
        # expect: VG002
        return self.build in range(6000, 6003)

    def has_sp2(self):
        # Silent: the service pack is the same on both sides.
        return self.csd == "Service Pack 2"


class WindowsHost(object):
    def __init__(self):
        v = sys.getwindowsversion()
        self.major, self.minor, self.build = v.major, v.minor, v.build

    def is_build(self, number):
        return self.build == number


def plan_prerequisites(host):
    steps = []
    # expect: VG001
    if host.is_build(6002):
        steps.append("KB4474419")
    # Silent: 7601 on neither side.
    if host.is_build(7601):
        steps.append("KB4490628")
    # expect: VG001
    if host.build <= 6002:
        steps.append("KB4493730")
    return steps


def main():
    facts = OsFacts()
    host = WindowsHost()
    print(facts.is_pre_win7(), facts.has_sp2(), plan_prerequisites(host))


if __name__ == "__main__":
    main()
