import sys

SP2_BUILD = 6002


def os_build():
    return sys.getwindowsversion().build


def is_build(b):
    return sys.getwindowsversion().build == b


class OsInfo:
    def __init__(self):
        self.build = sys.getwindowsversion().build
        self.major = sys.getwindowsversion().major

    def is_sp2(self):
        # expect: VG001
        return self.build == 6002

    def needs_shim(self):
        # expect: VG001
        return self.major == 6 and self.build <= SP2_BUILD


# expect: VG001
if os_build() == SP2_BUILD:
    print("SP2")

# The helper is judged per call: 6002 flips, 7601 does not.
# expect: VG001
if is_build(6002):
    print("2008 SP2")
if is_build(7601):
    print("2008 R2 SP1")


def check(build=None):
    build = build or os_build()
    # expect: VG001
    if build < 6003:
        return "legacy"
    return "modern"


info = OsInfo()
# expect: VG001
if info.build == 6002:
    print("SP2 again")
