// Helpers that branch on a parameter their callers fill with the OS build:
// the checks inside are judged with what the calls pass.
var shell = WScript.CreateObject("WScript.Shell");
var CV = "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\";

function pickInstaller(build) {
  // expect: VG001
  if (parseInt(build, 10) == 6002 || parseInt(build, 10) == 6003) return "legacy.msi";
  return "agent.msi";
}

function quirkLevel(b) {
  switch (b) {
    // expect: VG001
    case 6002:
    case 6003:
      return 2;
    case 7601:
      return 1;
  }
  return 0;
}

// Silent: its only caller passes the agent's own version.
function isKnownBadAgent(agentBuild) {
  return agentBuild == 6002 || agentBuild == 6010;
}

// Every call passes the OS build: judged inside, where the literal and a
// fix are.
function isSp2(b) {
  // expect: VG001
  return (b == 6002 || b == 6003);
}

var build = parseInt(shell.RegRead(CV + "CurrentBuildNumber"), 10);
var msi = pickInstaller(shell.RegRead(CV + "CurrentBuildNumber"));
var level = quirkLevel(build);
WScript.Echo(msi + level + isKnownBadAgent(parseInt(WScript.Arguments(0), 10)));
if (isSp2(build)) WScript.Echo("SP2");
