import sys

RELEASES = {
    6000: "Vista RTM",
    6001: "Vista SP1 / 2008",
    # expect: VG005
    6002: "Vista SP2 / 2008 SP2",
    7601: "7 SP1 / 2008 R2 SP1",
}

build = sys.getwindowsversion().build
name = RELEASES.get(build, "unknown")

# expect: VG005
SUPPORTED = {6002: True, 7601: True, 9600: True}
if build in SUPPORTED:
    print("supported")


def kb_for(build):
    match build:
        # expect: VG001
        case 6002:
            return "KB4499180"
        case 7601:
            return "KB4499175"
        case _:
            return None


print(kb_for(sys.getwindowsversion().build))
