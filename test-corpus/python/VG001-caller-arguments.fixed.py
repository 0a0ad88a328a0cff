"""Helpers that branch on a parameter their callers fill with the OS
build: the checks inside are judged with what the calls pass."""
import sys


def pick_installer(build):
    # expect: VG001
    if build in (6002, 6003):
        return "legacy.msi"
    return "agent.msi"


def quirk_level(b):
    match b:
        # expect: VG001
        case 6002 | 6003:
            return 2
        case 7601:
            return 1
    return 0


def label(b):
    # expect: VG001
    return "Server 2008 SP2" if b <= 6003 else "later"


# Silent: its only caller passes the agent's own version.
def is_known_bad_agent(agent_build):
    return agent_build in (6002, 6010)


# Every call passes the OS build: judged inside, where the literal and a
# fix are.
def is_sp2(b):
    # expect: VG001
    return b in (6002, 6003)


BUILD = sys.getwindowsversion().build
INSTALLER = pick_installer(BUILD)
LEVEL = quirk_level(sys.getwindowsversion().build)
print(label(BUILD), is_known_bad_agent(int("6002")))
if is_sp2(BUILD):
    print("SP2")
