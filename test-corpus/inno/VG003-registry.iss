[Setup]
AppName=Patch Checker
AppVersion=1.4
DefaultDirName={autopf}\Patch Checker

[Code]
const
  CurrentVersionKey = 'SOFTWARE\Microsoft\Windows NT\CurrentVersion';

function HasFebruaryRollup: Boolean;
var
  Ubr: Cardinal;
begin
  Result := False;
  if RegQueryDWordValue(HKEY_LOCAL_MACHINE, CurrentVersionKey, 'UBR', Ubr) then
    // expect: VG003
    Result := Ubr >= 24000;
end;

function IsSp2Build: Boolean;
var
  Build: String;
begin
  Result := False;
  if RegQueryStringValue(HKLM, 'SOFTWARE\Microsoft\Windows NT\CurrentVersion', 'CurrentBuildNumber', Build) then
    // expect: VG001
    Result := StrToInt(Build) <= 6002;
end;
