[Setup]
AppName=Print Monitor
AppVersion=2.0
DefaultDirName={autopf}\Print Monitor

[Files]
; expect: VG001
Source: "spl2008.dll"; DestDir: "{sys}"; Check: IsBuild(6002)
Source: "spl7.dll"; DestDir: "{sys}"; Check: IsBuild(7601)

[Code]
const
  SP2_BUILD = 6002;

procedure GetOsBuild(var Build: Cardinal);
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Build := V.Build;
end;

function IsBuild(B: Cardinal): Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Result := V.Build = B;
end;

function IsOldSpooler: Boolean;
var
  Build: Cardinal;
begin
  Build := GetWindowsVersion and $FFFF;
  // expect: VG001
  Result := Build < 6004;
end;

function IsServer2008Sp2: Boolean;
begin
  // expect: VG001
  Result := (GetWindowsVersion shr 16 = $0600) and ((GetWindowsVersion and $FFFF) >= SP2_BUILD);
end;

function InitializeSetup: Boolean;
var
  Build: Cardinal;
begin
  GetOsBuild(Build);
  // expect: VG001
  if (Build = 6002) or (Build = 6003) then
    Log('Server 2008 SP2 spooler');
  // expect: VG001
  if IsBuild(6002) then
    Log('again');
  if IsBuild(7601) then
    Log('Windows 7 SP1');
  Result := True;
end;
