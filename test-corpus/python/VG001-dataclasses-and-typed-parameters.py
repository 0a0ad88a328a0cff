"""A backup agent keeps the OS version in a dataclass built by a class
method, and its checks take it as a typed parameter."""
from __future__ import annotations

import dataclasses
import sys
import winreg
from typing import NamedTuple


@dataclasses.dataclass
class HostVersion:
    major: int
    minor: int
    build: int
    revision: int = 0

    @classmethod
    def detect(cls) -> "HostVersion":
        wv = sys.getwindowsversion()
        key = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE,
                             r"SOFTWARE\Microsoft\Windows NT\CurrentVersion")
        ubr, _ = winreg.QueryValueEx(key, "UBR")
        return cls(wv.major, wv.minor, wv.build, revision=int(ubr))

    def triple(self):
        return (self.major, self.minor, self.build)


class Threshold(NamedTuple):
    name: str
    build: int


# Silent: a constant instance is a threshold, not what instances hold.
OLDEST = HostVersion(6, 0, 6001)


def needs_vss_hotfix(host: HostVersion) -> bool:
    # expect: VG001
    return host.triple() == (6, 0, 6002)


def has_rollup(host: "HostVersion") -> bool:
    # expect: VG003
    return host.revision > 24000


def is_nt6(host: HostVersion) -> bool:
    # Silent: the same major version on both sides of the bump.
    return host.major == 6


def below(host: HostVersion, limit: Threshold) -> bool:
    # Silent: compared with another parameter, whose value is not known.
    return host.build < limit.build


def needs_sha2_update(baseline):
    # An object no call in the file passes: its member's name says it is
    # the OS's build (a warning).
    # expect: VG001
    return baseline.build in (6001, 6002)


def uses_default_port(settings):
    # Silent: a port, whatever the object.
    return settings.port == 6002


print(needs_vss_hotfix(HostVersion.detect()), has_rollup(HostVersion.detect()),
      is_nt6(HostVersion.detect()), below(HostVersion.detect(), Threshold("sp2", 6002)))
