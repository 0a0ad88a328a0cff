[Setup]
AppName=Backup Client
AppVersion=3.1
DefaultDirName={autopf}\Backup Client

[Files]
Source: "vss2008.dll"; DestDir: "{app}"; Check: IsVistaSP2
Source: "hotfix.msu"; DestDir: "{tmp}"; Check: NeedsRollup

[Code]
function IsVistaSP2: Boolean;
var
  Version: TWindowsVersion;
begin
  GetWindowsVersionEx(Version);
  // expect: VG001
  Result := (Version.Major = 6) and (Version.Minor = 0) and (Version.Build = 6002);
end;

function NeedsRollup: Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  { The rollup is already in every later build. }
  // expect: VG001
  if V.Build <= 6002 then
    Result := True
  else
    Result := False;
end;

function EditionName: String;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  case V.Build of
    6000: Result := 'Vista RTM';
    6001: Result := 'Vista SP1';
    // expect: VG001
    6002: Result := 'Vista SP2';
  else
    Result := 'unsupported';
  end;
end;

function IsVistaFamily: Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Result := False;
  case V.Build of
    // expect: VG001
    6000..6002: Result := True;
  end;
end;

function InitializeSetup: Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Result := True;
  // expect: VG001
  if (V.Major = 6) and (V.Build > 6002) then
    MsgBox('This build of Windows is not supported yet.', mbError, MB_OK);
  // expect: VG001
  if not (V.Build <> 6002) then
    Log('Server 2008 SP2');
end;
