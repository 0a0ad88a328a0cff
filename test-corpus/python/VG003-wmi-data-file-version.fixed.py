"""A sync agent reads kernel32's file version through WMI's CIM_DataFile,
by keyword and by query, and compares its revision with a floor."""
import wmi

SHA2_KERNEL_REVISION = 24000


def kernel32_revision() -> int:
    files = wmi.WMI().CIM_DataFile(Name=r"C:\\Windows\\System32\\kernel32.dll")
    if not files:
        return 0
    return int(files[0].Version.split(".")[3])


def ntoskrnl_version() -> str:
    conn = wmi.WMI()
    for f in conn.query("SELECT Version FROM CIM_DataFile "
                        "WHERE Name='C:\\\\Windows\\\\System32\\\\ntoskrnl.exe'"):
        return f.Version
    return ""


def agent_version() -> str:
    # our own binary, not the OS's: silent
    for f in wmi.WMI().CIM_DataFile(Name=r"C:\\Program Files\\Sync\\syncagent.exe"):
        return f.Version
    return ""


def sha2_payload_ok() -> bool:
    # expect: VG003
    return kernel32_revision() >= SHA2_KERNEL_REVISION


def modern_servicing() -> bool:
    # 24566 and 20491 are both past 20000: silent
    return kernel32_revision() >= 20000


def legacy_kernel() -> bool:
    # expect: VG002
    return ntoskrnl_version().startswith(("6.0.6002.", "6.0.6003."))


def old_agent() -> bool:
    return agent_version().startswith("6.0.6002.")
