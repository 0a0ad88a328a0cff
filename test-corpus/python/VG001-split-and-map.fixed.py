"""platform.version() taken apart: map(int, ...), tuple(...), comprehensions,
and the last component by a negative index."""
import platform


def by_unpacking():
    major, minor, build = map(int, platform.version().split("."))
    # expect: VG001
    if build <= 6003:
        return "2008 SP2 or older"
    return "newer"


def by_tuple():
    version = tuple(map(int, platform.version().split(".")))
    # expect: VG001
    return version < (6, 0, 6004)


def by_list_comprehension():
    parts = [int(p) for p in platform.version().split(".")]
    # expect: VG001
    return parts[2] in (6002, 6003)


def by_generator():
    major, minor, build = (int(x) for x in platform.version().split("."))
    # expect: VG001
    return build in (6001, 6002, 6003)


def by_last_part():
    # expect: VG002
    return platform.version().split(".")[-1] in ("6002", "6003")


def silent_cases():
    major, minor, build = map(int, platform.version().split("."))
    if build >= 6002:  # still true on 6003
        pass
    if major == 6 and minor == 0:  # the bump keeps them
        pass
    # A filtered comprehension: which items are left is not known.
    kept = [int(p) for p in platform.version().split(".") if p != "0"]
    if kept[1] == 6002:
        pass
    # A map of something else than int or str: left alone.
    floats = list(map(float, platform.version().split(".")))
    if floats[2] == 6002:
        pass
