"""No build is written in this file: the check compares two names of
osinfo.py, so only the module tells the prefilter it must be read."""
import osinfo

# expect: VG001
if osinfo.os_build() in (osinfo.SP2_BUILD, 6003):
    print("Windows Server 2008 SP2")
