; Limits that give the same answer on 6.0.6002 and 6.0.6003.
[Setup]
AppName=Viewer
AppVersion=1.0
DefaultDirName={autopf}\Viewer
MinVersion=6.0.6002
OnlyBelowVersion=0

[Files]
; Vista SP2 or later (the build is inclusive): true on 6002 and 6003.
Source: "viewer.exe"; DestDir: "{app}"; MinVersion: 6.0.6002
; Service pack 2 of Vista/2008 and later.
Source: "sp2fix.dll"; DestDir: "{app}"; MinVersion: 6.0sp2
; Below Windows 7: true on both builds of Vista SP2.
Source: "vistashim.dll"; DestDir: "{app}"; OnlyBelowVersion: 6.1
; Below Vista SP2's first build: false on both.
Source: "xpshim.dll"; DestDir: "{app}"; OnlyBelowVersion: 6.0.6002
; No NT limit at all.
Source: "readme.txt"; DestDir: "{app}"; OnlyBelowVersion: "4.1,0"
; A comment that names 6.0.6003 is no limit.
Source: "notes.txt"; DestDir: "{app}"; Flags: ignoreversion
; Windows 7 SP1 build 7601 or later.
Source: "win7.dll"; DestDir: "{app}"; MinVersion: 6.1.7601
