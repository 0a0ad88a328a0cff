; Installer of a storage agent that has a separate driver for Vista/2008.
#define LegacyLimit "6.0.6004"

[Setup]
AppName=Storage Agent
AppVersion=4.2
DefaultDirName={autopf}\Storage Agent
; expect: VG001
OnlyBelowVersion=6.0.6004
MinVersion=6.0

[Files]
; The old driver, only below "Windows Server 2008 SP2 + KB4489887".
; expect: VG001
Source: "legacy\stor.sys"; DestDir: "{sys}\drivers"; OnlyBelowVersion: 6.0.6004
Source: "current\stor.sys"; DestDir: "{sys}\drivers"; MinVersion: 6.1
; expect: VG001
Source: "legacy\storcfg.exe"; DestDir: "{app}"; OnlyBelowVersion: "0,6.0.6004"

[Run]
; expect: VG001
Filename: "{app}\storcfg.exe"; Parameters: "/kb"; MinVersion: 6.0.6004
; expect: VG001
Filename: "{app}\storcfg.exe"; Parameters: "/sp2"; MinVersion: 6.0.6003sp2

[Icons]
; expect: VG001
Name: "{group}\Legacy console"; Filename: "{app}\storcfg.exe"; OnlyBelowVersion: {#LegacyLimit}
