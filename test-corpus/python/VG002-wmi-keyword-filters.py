"""An inventory script filters Win32_OperatingSystem with the wmi package's
keyword arguments: the WHERE clause of its query, which selects nothing on
the new build."""
import wmi


def is_sp2_host():
    conn = wmi.WMI()
    # expect: VG002
    hits = conn.Win32_OperatingSystem(BuildNumber="6002")
    return bool(hits)


def captions():
    # expect: VG002
    for os in wmi.WMI().Win32_OperatingSystem(Version="6.0.6002", ProductType=3):
        yield os.Caption


def is_r2():
    # another release: silent
    return bool(wmi.WMI().Win32_OperatingSystem(BuildNumber="7601"))
