"""A value the analyzer cannot follow is an OS build when one function
compares it with several Windows builds and nothing else."""


def release(value):
    if value == 6000:
        return "Vista"
    if value == 6001:
        return "Vista SP1"
    # expect: VG001
    if value == 6002:
        return "Vista SP2"
    if value == 7601:
        return "7 SP1"
    return "unknown"


def caption(value):
    # Control ids: 6003 and 6004 are not all Windows builds. Silent.
    if value == 6002:
        return "Retry"
    if value == 6004:
        return "Help"
    if value == 6000:
        return "OK"
    return ""


def label(value):
    # A match on such a value: its cases say what it is.
    match value:
        case 6000:
            return "Vista"
        case 6001:
            return "Vista SP1"
        # expect: VG001
        case 6002:
            return "Vista SP2"
        case 7601:
            return "7 SP1"
        case _:
            return "unknown"
