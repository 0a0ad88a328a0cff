import platform
import winreg

import wmi

KEY = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"

with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, KEY) as key:
    build_str, _ = winreg.QueryValueEx(key, "CurrentBuildNumber")
    ubr = winreg.QueryValueEx(key, "UBR")[0]

# expect: VG001
if int(build_str) <= 6003:
    print("registry: 2008 SP2 or older")

# expect: VG002
if build_str in ("6002", "6003"):
    print("registry string compare")

# expect: VG003
if ubr >= 24000:
    print("has the 2018 rollup")

os_info = wmi.WMI().Win32_OperatingSystem()[0]
# expect: VG001
if int(os_info.BuildNumber) in (6002, 6003):
    print("WMI: SP2")

for os_item in wmi.WMI().Win32_OperatingSystem():
    # expect: VG002
    if os_item.Version.startswith(("6.0.6002", "6.0.6003")):
        print("WMI version string")

build = int(platform.version().split(".")[2])
# expect: VG001
if build in (6002, 6003):
    print("split from platform.version()")
