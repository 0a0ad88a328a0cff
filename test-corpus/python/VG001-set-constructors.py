"""Build sets and lists made with frozenset(), set(), tuple() and sorted()
around a literal: membership in them is membership in the literal."""
import sys

_LEGACY_DAEMON_BUILDS = frozenset({6001, 6002})
_VISTA_FAMILY = frozenset({6000, 6001, 6002, 6003})
_PINNED = tuple([6002])


def legacy_daemon():
    # expect: VG001
    return sys.getwindowsversion().build in _LEGACY_DAEMON_BUILDS


def vista_family():
    # every 6.0 build is listed: silent
    return sys.getwindowsversion().build in _VISTA_FAMILY


def pinned():
    # expect: VG001
    return sys.getwindowsversion().build in _PINNED
