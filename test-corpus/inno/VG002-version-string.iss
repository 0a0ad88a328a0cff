[Setup]
AppName=Remote Tools
AppVersion=5.5
DefaultDirName={autopf}\Remote Tools

[Code]
function VersionText: String;
var
  V: TWindowsVersion;
begin
  GetWindowsVersionEx(V);
  Result := Format('%d.%d.%d', [V.Major, V.Minor, V.Build]);
end;

function InitializeSetup: Boolean;
var
  S: String;
begin
  Result := True;
  S := GetWindowsVersionString;
  // expect: VG002
  if S = '6.00.6002' then
    Log('Vista SP2 / Server 2008 SP2');
  // expect: VG002
  if Pos('6.00.6002', GetWindowsVersionString) = 1 then
    Log('prefix');
  // expect: VG002
  if Copy(GetWindowsVersionString, 1, 9) = '6.00.6002' then
    Log('copy');
  // expect: VG002
  if CompareStr(GetWindowsVersionString, '6.00.6002') = 0 then
    Log('compare');
  // expect: VG002
  if VersionText = '6.0.6002' then
    Log('formatted');
  { Vista RTM: false on both builds of SP2. }
  if GetWindowsVersionString = '6.00.6000' then
    Log('RTM');
  { Not the format GetWindowsVersionString writes: never true. }
  if GetWindowsVersionString = '6.0.6002' then
    Log('never');
end;
