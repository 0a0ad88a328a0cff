"""Tables, ladders and match statements with an entry of their own for each
build of the bump identify the system: silent whatever the entries say."""
import sys

build = sys.getwindowsversion().build

RELEASES = {6001: "2008", 6002: "2008 SP2", 6003: "2008 SP2 (2019 servicing)"}
print(RELEASES.get(build, "unknown"))

if build == 6002:
    label = "SP2"
elif build == 6003:
    label = "SP2 refresh"
else:
    label = "other"

match build:
    case 6002:
        print("SP2")
    case 6003:
        print("SP2 refresh")
