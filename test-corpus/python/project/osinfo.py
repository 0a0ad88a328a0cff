"""A module of the project the other files import: the build, read once,
a helper returning it, one taking the part to return, and a named build.
Nothing here is a check."""
import platform
import sys

BUILD = sys.getwindowsversion().build
SP2_BUILD = 6002


def os_build():
    return sys.getwindowsversion().build


def version_part(index):
    return int(platform.version().split(".")[index])
