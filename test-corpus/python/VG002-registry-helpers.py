"""Registry helpers whose value name, key and hive are their arguments."""
import winreg

CURRENT_VERSION = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion"


def read_current_version(name):
    with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, CURRENT_VERSION) as key:
        return winreg.QueryValueEx(key, name)[0]


def registry_value(hive, subkey, name, default=None):
    try:
        handle = winreg.OpenKey(getattr(winreg, hive), subkey)
        value, _ = winreg.QueryValueEx(handle, name)
        return value
    except OSError:
        return default


# expect: VG002
if read_current_version("CurrentBuildNumber") == "6002":
    print("2008 SP2")

# The same helper reading something else: not the OS version.
if read_current_version("RegisteredOwner") == "6002":
    print("an owner called 6002")

# expect: VG001
if int(registry_value("HKEY_LOCAL_MACHINE", CURRENT_VERSION, "CurrentBuild")) <= 6002:
    print("registry helper: SP2 or older")

if registry_value("HKEY_CURRENT_USER", CURRENT_VERSION, "CurrentBuild") == "6002":
    print("HKCU holds no OS version")
