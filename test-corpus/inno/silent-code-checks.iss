[Setup]
AppName=Safe Checks
AppVersion=1.0
DefaultDirName={autopf}\Safe Checks

[Files]
Source: "a.dll"; DestDir: "{app}"; Check: IsVistaSp2OrLater

[Code]
const
  AppBuild = 6002; // this application's own build number

function IsVistaSp2OrLater: Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  // At least build 6002: true on 6002 and on 6003.
  Result := (V.Major > 6) or ((V.Major = 6) and (V.Build >= 6002));
end;

function IsWindows7OrLater: Boolean;
begin
  Result := GetWindowsVersion >= $06010000;
end;

function IsVistaOrLater: Boolean;
begin
  Result := (GetWindowsVersion shr 24) >= 6;
end;

function ServicePack2: Boolean;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Result := V.ServicePackMajor >= 2;
end;

function Describe: String;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  { Knows both builds of SP2: one outcome for 6002 and 6003. }
  case V.Build of
    6001: Result := 'SP1';
    6002: Result := 'SP2';
    6003: Result := 'SP2';
  else
    Result := '';
  end;
end;

function OwnBuildIsCurrent(Installed: Integer): Boolean;
begin
  { The application's build, not Windows'. }
  Result := Installed = AppBuild;
end;

function InitializeSetup: Boolean;
var
  V: TWindowsVersion;
  Port: Integer;
begin
  Result := True;
  GetWindowsVersionEx(V);
  Port := 6002;
  if Port = 6002 then
    Log('default port');
  // Windows 7 SP1 exactly: false on both builds of Vista SP2.
  if (V.Major = 6) and (V.Minor = 1) and (V.Build = 7601) then
    Log('7 SP1');
  if V.Build < 6002 then
    Log('older than SP2');
  if OwnBuildIsCurrent(6002) then
    Log('up to date');
  MsgBox('Tested on 6.0.6002 and 6.0.6003.', mbInformation, MB_OK);
end;
