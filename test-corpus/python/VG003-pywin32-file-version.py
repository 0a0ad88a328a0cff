"""A setup script checks kernel32's file version with pywin32."""
import os

import win32api

SYSTEM32 = os.path.join(os.environ.get("SystemRoot", "C:\\Windows"), "System32")


def kernel_version():
    return win32api.GetFileVersionInfo(os.path.join(SYSTEM32, "kernel32.dll"), "\\")


def needs_servicing_stack():
    info = kernel_version()
    # expect: VG003
    return win32api.LOWORD(info["FileVersionLS"]) < 24000


def kernel_is_sp2():
    info = kernel_version()
    # expect: VG001
    return win32api.HIWORD(info["FileVersionLS"]) == 6002


def kernel_is_nt6():
    info = kernel_version()
    # Silent: the same major before and after.
    return win32api.HIWORD(info["FileVersionMS"]) == 6


def agent_is_6002():
    info = win32api.GetFileVersionInfo(os.path.join(SYSTEM32, "contoso-agent.dll"), "\\")
    # Silent: another program's file version.
    return win32api.HIWORD(info["FileVersionLS"]) == 6002
