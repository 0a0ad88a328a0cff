"""Values from a module of the project (osinfo.py, beside this file):
imported by name, through the module, or under another name."""
import osinfo
import osinfo as oi
from osinfo import BUILD, SP2_BUILD, os_build

# expect: VG001
if BUILD in (6002, 6003):
    print("module-level build, imported by name")

# expect: VG001
if os_build() <= 6003:
    print("a helper of the module")

# expect: VG001
if oi.BUILD in (6001, 6002, 6003):
    print("through an alias of the module")

# expect: VG001
if osinfo.version_part(2) in (6002, 6003):
    print("a helper given the part to return")

# silent: a build number named in the module, compared with the minor version
if osinfo.version_part(1) == SP2_BUILD:
    print("never")
