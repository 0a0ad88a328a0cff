import sys

build = sys.getwindowsversion().build
if build == 6002:  # verguard: ignore[VG001] SP2-only workaround, removed in 2027
    print("suppressed on its own line")

# expect: VG100
x = 1
