// A helper library's shape: the shell released after the read, the value
// returned in parentheses, compared by the caller (loosely) with a number.
function getOsBuildNumber()
{
  var shellObj = new ActiveXObject("WScript.Shell");
  var buildText = shellObj.RegRead("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\CurrentBuildNumber");

  shellObj = null;

  // 2000 = 2195; XP = 2600; 2003 = 3790; Vista = 6000
  return (buildText);
}

function describe()
{
  var b = getOsBuildNumber();
  // expect: VG001
  if (b > 6002)
    return "Windows 7 API set";
  // expect: VG002
  return b == "6002" ? "SP2" : "other";
}

WScript.Echo(describe());
