//===- gencorpus.cpp - synthetic corpus for tools/bench -------------------===//
//
// Writes a deterministic (seeded) mixed tree of C/C++, PowerShell, VBScript
// and VBA files of a given total size. A chosen share of the source files
// carries a real Windows version check (6002 and friends); every other file is
// ordinary code that contains none of verguard's prefilter triggers (checked
// after generation: a file that happens to contain one is generated again).
//
//   vg_gencorpus --size-mb N --checked-share PERCENT --out DIR
//                [--seed S] [--mix CPP:PS:VB] [--list-checked FILE]
//
// Prints a one-line summary on stdout. Not a test; used by tools/bench only.
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// splitmix64: small, fast, identical on every platform.
struct Rng {
  uint64_t S;
  uint64_t next() {
    uint64_t Z = (S += 0x9E3779B97F4A7C15ULL);
    Z = (Z ^ (Z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    Z = (Z ^ (Z >> 27)) * 0x94D049BB133111EBULL;
    return Z ^ (Z >> 31);
  }
  uint64_t below(uint64_t N) { return N ? next() % N : 0; }
  int range(int Lo, int Hi) { return Lo + int(below(uint64_t(Hi - Lo + 1))); }
  double unit() { return double(next() >> 11) / double(1ULL << 53); }
  bool chance(double P) { return unit() < P; }
  template <class T> const T &pick(const std::vector<T> &V) {
    return V[below(V.size())];
  }
  // Log-uniform size between Lo and Hi bytes: many small files, a few large.
  size_t size(size_t Lo, size_t Hi) {
    return size_t(
        std::exp(std::log(double(Lo)) +
                 unit() * (std::log(double(Hi)) - std::log(double(Lo)))));
  }
};

// The prefilter triggers of the default bump (see lib/driver/Driver.cpp).
const char *Triggers[] = {"6002",           "6003",       "ubr",
                          "revision",       "versionls",  "fileprivatepart",
                          "getfileversion", "versioninfo"};

// The builds of the default bump, as the prefilter reads a number in any
// notation (lib/driver/BumpLiterals.cpp): `total ^= 0x1772` holds 6002.
bool isBumpBuild(unsigned long long V) { return V == 6002 || V == 6003; }

bool hasTrigger(const std::string &S) {
  std::string L(S);
  for (char &C : L)
    C = char(std::tolower((unsigned char)C));
  for (const char *T : Triggers)
    if (L.find(T) != std::string::npos)
      return true;
  // Hexadecimal literals: the filler's `0x` + a random number must not spell
  // a bump's build either, or a file meant to be filler holds a trigger.
  for (size_t I = L.find("0x"); I != std::string::npos;
       I = L.find("0x", I + 2)) {
    if (I > 0 && (std::isalnum((unsigned char)L[I - 1]) || L[I - 1] == '_'))
      continue;
    size_t E = I + 2;
    while (E < L.size() && std::isxdigit((unsigned char)L[E]))
      ++E;
    if (E > I + 2 && E - I - 2 <= 16 &&
        isBumpBuild(std::stoull(L.substr(I + 2, E - I - 2), nullptr, 16)))
      return true;
  }
  return false;
}

const std::vector<std::string> Syll = {
    "acc",   "ad",   "al",   "app",  "arch", "bat",  "buf",  "cach",  "cfg",
    "chan",  "cli",  "col",  "con",  "cur",  "dat",  "del",  "dev",   "dir",
    "doc",   "drv",  "ent",  "evt",  "fil",  "fmt",  "grp",  "hand",  "hdr",
    "idx",   "img",  "inst", "job",  "key",  "lay",  "lim",  "lnk",   "log",
    "map",   "mem",  "msg",  "net",  "node", "obj",  "opt",  "pack",  "path",
    "pipe",  "pol",  "port", "proc", "prof", "que",  "rec",  "reg",   "res",
    "sched", "sec",  "seg",  "sess", "set",  "snap", "sock", "src",   "stat",
    "stor",  "sync", "tab",  "task", "term", "tick", "tok",  "trace", "txt",
    "user",  "val",  "view", "vol",  "wait", "win",  "work", "zone"};
const std::vector<std::string> Verbs = {
    "Load",  "Save",    "Open",   "Close", "Read",    "Write",  "Parse",
    "Build", "Check",   "Update", "Reset", "Collect", "Format", "Scan",
    "Find",  "Resolve", "Copy",   "Merge", "Flush",   "Apply",  "Compute"};

std::string cap(std::string S) {
  if (!S.empty())
    S[0] = char(std::toupper((unsigned char)S[0]));
  return S;
}
std::string noun(Rng &R) {
  std::string S = cap(R.pick(Syll));
  if (R.chance(0.6))
    S += cap(R.pick(Syll));
  return S;
}
std::string lower(Rng &R) { return R.pick(Syll) + cap(R.pick(Syll)); }
std::string num(Rng &R) { return std::to_string(R.range(1, 4096)); }

// ---------------------------------------------------------------- C / C++ --

unsigned VarNo = 0; // C locals are unique: no redefinitions in one scope

std::string cStatement(Rng &R, bool Cpp, int Depth) {
  std::string V = lower(R) + std::to_string(++VarNo);
  switch (R.below(Depth > 1 ? 10 : 13)) {
  case 0:
    return "    DWORD " + V + " = GetTickCount() % " + num(R) + ";\n";
  case 1:
    return "    if (!ReadFile(hFile, buffer, sizeof(buffer), &bytesRead, "
           "NULL)) {\n"
           "        CloseHandle(hFile);\n        return GetLastError();\n    "
           "}\n";
  case 2:
    return "    for (DWORD i = 0; i < bytesRead; ++i) {\n"
           "        total += (DWORD)buffer[i % sizeof(buffer)] * " +
           num(R) + "u;\n    }\n";
  case 3:
    return "    {\n        HKEY hKey = NULL;\n"
           "        if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, "
           "L\"SOFTWARE\\\\Contoso\\\\" +
           noun(R) +
           "\", 0, KEY_READ, &hKey) == ERROR_SUCCESS) {\n"
           "            DWORD cb = sizeof(DWORD), " +
           V +
           " = 0;\n"
           "            RegQueryValueExW(hKey, L\"" +
           noun(R) + "\", NULL, NULL, (LPBYTE)&" + V +
           ", &cb);\n"
           "            total += " +
           V +
           ";\n"
           "            RegCloseKey(hKey);\n        }\n    }\n";
  case 4:
    return "    swprintf(message, sizeof(message) / sizeof(message[0]), L\"" +
           noun(R) + " %lu of %lu\", (unsigned long)total, (unsigned long)" +
           num(R) + ");\n    OutputDebugStringW(message);\n";
  case 5:
    return "    if (WaitForSingleObject(hEvent, " + num(R) +
           ") == WAIT_TIMEOUT) {\n        total ^= 0x" + num(R) + ";\n    }\n";
  case 6:
    return "    EnterCriticalSection(&g_lock);\n    g_counter += total & "
           "0xff;\n"
           "    LeaveCriticalSection(&g_lock);\n";
  case 7:
    return "    total = (total << 3) ^ (total >> 5) ^ " + num(R) + "u;\n";
  case 8:
    if (Cpp)
      return "    std::wstring " + V + " = L\"" + noun(R) +
             "\";\n    names.push_back(" + V + ");\n    total += (DWORD)" + V +
             ".size();\n";
    return "    total += (DWORD)wcslen(L\"" + noun(R) + "\");\n";
  case 9:
    return "    SetLastError(ERROR_SUCCESS);\n    Sleep(" +
           std::to_string(R.range(0, 50)) + ");\n";
  case 10: {
    std::string S =
        "    switch (total % " + std::to_string(R.range(3, 6)) + ") {\n";
    int N = R.range(2, 4);
    for (int I = 0; I < N; ++I)
      S += "    case " + std::to_string(I) + ": {\n" +
           cStatement(R, Cpp, Depth + 1) + "        break;\n    }\n";
    S += "    default:\n        break;\n    }\n";
    return S;
  }
  case 11:
    return "    if (total > " + num(R) + "u) {\n" +
           cStatement(R, Cpp, Depth + 1) + "    } else {\n" +
           cStatement(R, Cpp, Depth + 1) + "    }\n";
  default:
    return "    while (total > " + num(R) + "u) {\n        total /= 2;\n" +
           cStatement(R, Cpp, Depth + 1) + "    }\n";
  }
}

std::string cFunction(Rng &R, bool Cpp, const std::string &Prefix) {
  std::string Name = R.pick(Verbs) + noun(R) + Prefix;
  std::string S = "/* " + R.pick(Verbs) + "s the " + lower(R) + " entries of " +
                  lower(R) + ". */\n";
  S += std::string(Cpp ? "" : "static ") + "DWORD " + Name +
       "(LPCWSTR path, HANDLE hEvent)\n{\n"
       "    BYTE buffer[512];\n    DWORD bytesRead = 0, total = 0;\n"
       "    WCHAR message[256];\n";
  if (Cpp)
    S += "    std::vector<std::wstring> names;\n";
  S += "    HANDLE hFile = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, "
       "NULL,\n"
       "                               OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, "
       "NULL);\n"
       "    if (hFile == INVALID_HANDLE_VALUE)\n        return "
       "GetLastError();\n";
  int N = R.range(4, 14);
  for (int I = 0; I < N; ++I)
    S += cStatement(R, Cpp, 0);
  S += "    CloseHandle(hFile);\n    return total;\n}\n\n";
  return S;
}

std::string cCheck(Rng &R, bool Cpp) {
  switch (R.below(4)) {
  case 0:
    return "static BOOL IsWindowsServer2008Sp2(void)\n{\n"
           "    OSVERSIONINFOEXW osvi;\n    ZeroMemory(&osvi, sizeof(osvi));\n"
           "    osvi.dwOSVersionInfoSize = sizeof(osvi);\n"
           "    if (!GetVersionExW((LPOSVERSIONINFOW)&osvi))\n        return "
           "FALSE;\n"
           "    return osvi.dwMajorVersion == 6 && osvi.dwMinorVersion == 0 "
           "&&\n"
           "           osvi.dwBuildNumber == 6002;\n}\n\n";
  case 1:
    return "static int LegacyCodePath(void)\n{\n"
           "    OSVERSIONINFOW osvi;\n    ZeroMemory(&osvi, sizeof(osvi));\n"
           "    osvi.dwOSVersionInfoSize = sizeof(osvi);\n"
           "    GetVersionExW(&osvi);\n"
           "    if (osvi.dwBuildNumber <= 6002)\n        return 1;\n"
           "    return 0;\n}\n\n";
  case 2:
    return "static const char *DescribeBuild(void)\n{\n"
           "    OSVERSIONINFOEXW osvi = {0};\n"
           "    osvi.dwOSVersionInfoSize = sizeof(osvi);\n"
           "    GetVersionExW((LPOSVERSIONINFOW)&osvi);\n"
           "    switch (osvi.dwBuildNumber) {\n"
           "    case 6000: return \"Vista RTM\";\n"
           "    case 6001: return \"Vista SP1\";\n"
           "    case 6002: return \"Vista SP2\";\n"
           "    default: return \"unsupported\";\n    }\n}\n\n";
  default:
    return "static BOOL HasWindows7Apis(void)\n{\n"
           "    OSVERSIONINFOEXW osvi;\n    ZeroMemory(&osvi, sizeof(osvi));\n"
           "    osvi.dwOSVersionInfoSize = sizeof(osvi);\n"
           "    GetVersionExW((LPOSVERSIONINFOW)&osvi);\n"
           "    return osvi.dwMajorVersion == 6 && osvi.dwBuildNumber > "
           "6002;\n}\n\n";
  }
}

std::string cHeader(Rng &R, const std::string &Guard) {
  std::string S = "/* Shared declarations. */\n#ifndef " + Guard +
                  "\n#define " + Guard + "\n\n#include <windows.h>\n\n";
  int N = R.range(8, 40);
  for (int I = 0; I < N; ++I) {
    if (R.chance(0.3))
      S += "#define " + Guard.substr(0, Guard.size() - 2) + "_" +
           std::to_string(I) + " " + num(R) + "\n";
    else if (R.chance(0.4))
      S += "typedef struct _" + noun(R) + std::to_string(I) +
           " {\n    DWORD cb;\n    HANDLE h;\n    WCHAR name[64];\n} " +
           noun(R) + std::to_string(I) + "_T;\n";
    else
      S += "#ifdef __cplusplus\nextern \"C\"\n#endif\nDWORD " + R.pick(Verbs) +
           noun(R) + "Shared" + std::to_string(I) +
           "(LPCWSTR path, DWORD flags);\n";
  }
  S += "\n#endif\n";
  return S;
}

std::string cSource(Rng &R, bool Cpp, size_t Target, bool Checked,
                    const std::string &ProjHeader) {
  std::string S = "// " + noun(R) + " " + (Cpp ? "service" : "helper") +
                  " module.\n#include <windows.h>\n";
  if (Cpp)
    S += "#include <string>\n#include <vector>\n";
  else
    S += "#include <stdio.h>\n";
  S += "#include <wchar.h>\n";
  S += "#include \"" + ProjHeader + "\"\n\n";
  S += "static CRITICAL_SECTION g_lock;\nstatic DWORD g_counter;\n\n";
  if (Cpp)
    S += "namespace " + lower(R) + " {\n\n";
  std::string Suffix = std::to_string(R.range(1, 999));
  size_t CheckAt =
      Checked ? R.below(std::max<size_t>(1, Target / 2)) : SIZE_MAX;
  int Fn = 0;
  while (S.size() < Target || Fn == 0) {
    if (S.size() >= CheckAt) {
      S += cCheck(R, Cpp);
      CheckAt = SIZE_MAX;
    }
    S += cFunction(R, Cpp, Suffix + "_" + std::to_string(Fn++));
  }
  if (CheckAt != SIZE_MAX)
    S += cCheck(R, Cpp);
  if (Cpp)
    S += "} // namespace\n";
  return S;
}

// ------------------------------------------------------------- PowerShell --

std::string psStatement(Rng &R, int Depth) {
  std::string V = "$" + lower(R);
  switch (R.below(Depth > 1 ? 8 : 10)) {
  case 0:
    return "    " + V + " = Get-ChildItem -Path $Path -Filter '*." +
           R.pick(Syll) + "' -Recurse -ErrorAction SilentlyContinue\n";
  case 1:
    return "    Write-Verbose \"" + noun(R) + ": $($" +
           "items.Count) item(s)\"\n";
  case 2:
    return "    " + V + " = @{ Name = '" + noun(R) + "'; Size = " + num(R) +
           "; Enabled = $true }\n    $results += [pscustomobject]" + V + "\n";
  case 3:
    return "    foreach ($item in $items) {\n        $total += $item.Length\n"
           "        if ($item.Name -like '" +
           R.pick(Syll) + "*') { $matched++ }\n    }\n";
  case 4:
    return "    try {\n        $content = Get-Content -LiteralPath $Path -Raw\n"
           "        $lines = $content -split \"`n\"\n    }\n"
           "    catch {\n        Write-Warning \"cannot read ${Path}: $_\"\n   "
           " }\n";
  case 5:
    return "    $svc = Get-Service -Name '" + noun(R) +
           "' -ErrorAction SilentlyContinue\n"
           "    if ($svc -and $svc.Status -ne 'Running') { Start-Service "
           "$svc.Name }\n";
  case 6:
    return "    $items | Where-Object { $_.Length -gt " + num(R) +
           " } | Sort-Object Name | Select-Object -First " + num(R) + "\n";
  case 7:
    return "    " + V + " = [System.IO.Path]::Combine($Path, '" + lower(R) +
           ".log')\n    Add-Content -Path " + V +
           " -Value (Get-Date -Format o)\n";
  case 8:
    return "    if ($total -gt " + num(R) + ") {\n" +
           psStatement(R, Depth + 1) + "    }\n    else {\n" +
           psStatement(R, Depth + 1) + "    }\n";
  default: {
    std::string S = "    switch ($mode) {\n";
    int N = R.range(2, 4);
    for (int I = 0; I < N; ++I)
      S += "        '" + R.pick(Syll) + std::to_string(I) + "' {\n    " +
           psStatement(R, Depth + 1) + "        }\n";
    S += "        default { $matched = 0 }\n    }\n";
    return S;
  }
  }
}

std::string psFunction(Rng &R) {
  std::string S = "<#\n.SYNOPSIS\n    " + R.pick(Verbs) + "s the " + lower(R) +
                  " data.\n#>\nfunction " + R.pick(Verbs) + "-" + noun(R) +
                  " {\n    [CmdletBinding()]\n    param(\n"
                  "        [Parameter(Mandatory = $true)][string]$Path,\n"
                  "        [string]$mode = 'default'\n    )\n"
                  "    $total = 0\n    $matched = 0\n    $results = @()\n"
                  "    $items = @(Get-ChildItem -Path $Path -File)\n";
  int N = R.range(4, 12);
  for (int I = 0; I < N; ++I)
    S += psStatement(R, 0);
  S += "    return $results\n}\n\n";
  return S;
}

std::string psCheck(Rng &R) {
  switch (R.below(3)) {
  case 0:
    return "function Test-LegacyServer {\n"
           "    $os = Get-CimInstance -ClassName Win32_OperatingSystem\n"
           "    if ($os.BuildNumber -eq '6002') {\n"
           "        Write-Output 'Windows Server 2008 SP2'\n        return "
           "$true\n"
           "    }\n    return $false\n}\n\n";
  case 1:
    return "function Get-PlatformTier {\n"
           "    $build = [Environment]::OSVersion.Version.Build\n"
           "    if ($build -le 6002) { return 'legacy' }\n"
           "    return 'modern'\n}\n\n";
  default:
    return "function Test-VistaSp2 {\n"
           "    $os = Get-WmiObject -Class Win32_OperatingSystem\n"
           "    return $os.Version -like '6.0.6002*'\n}\n\n";
  }
}

std::string psSource(Rng &R, size_t Target, bool Checked, bool Module) {
  std::string S = "#Requires -Version 3.0\n# " + noun(R) +
                  (Module ? " module" : " maintenance script") +
                  ".\nSet-StrictMode -Version Latest\n\n";
  if (!Module)
    S += "param([string]$Root = $PSScriptRoot)\n\n";
  size_t CheckAt =
      Checked ? R.below(std::max<size_t>(1, Target / 2)) : SIZE_MAX;
  while (S.size() < Target) {
    if (S.size() >= CheckAt) {
      S += psCheck(R);
      CheckAt = SIZE_MAX;
    }
    S += psFunction(R);
  }
  if (CheckAt != SIZE_MAX)
    S += psCheck(R);
  if (Module)
    S += "Export-ModuleMember -Function *\n";
  return S;
}

// -------------------------------------------------------- VBScript / VBA --

std::string vbStatement(Rng &R, int Depth, bool Vba) {
  std::string V = lower(R);
  switch (R.below(Depth > 1 ? 7 : 9)) {
  case 0:
    return "    " + V + " = " + num(R) + " * count + " + num(R) +
           "\n"
           "    total = total + " +
           V + "\n";
  case 1:
    return Vba ? "    Debug.Print \"" + noun(R) + ": \" & total\n"
               : "    WScript.Echo \"" + noun(R) + ": \" & total\n";
  case 2:
    return "    If fso.FileExists(path & \"\\" + lower(R) +
           ".log\") Then\n        count = count + 1\n    End If\n";
  case 3:
    return "    For i = 1 To " + num(R) + "\n        total = total + (i Mod " +
           std::to_string(R.range(2, 9)) + ")\n    Next\n";
  case 4:
    return "    Set folder = fso.GetFolder(path)\n"
           "    For Each file In folder.Files\n"
           "        If LCase(fso.GetExtensionName(file.Name)) = \"" +
           R.pick(Syll) + "\" Then count = count + 1\n    Next\n";
  case 5:
    return "    " + V + " = Replace(Trim(\"" + noun(R) +
           "\"), \" \", \"_\")\n"
           "    names = names & " +
           V + " & \";\"\n";
  case 6:
    return "    Do While total > " + num(R) +
           "\n        total = total \\ 2\n    Loop\n";
  case 7:
    return "    If total > " + num(R) + " Then\n    " +
           vbStatement(R, Depth + 1, Vba) + "    Else\n    " +
           vbStatement(R, Depth + 1, Vba) + "    End If\n";
  default: {
    std::string S = "    Select Case count Mod 4\n";
    for (int I = 0; I < 3; ++I)
      S += "        Case " + std::to_string(I) + "\n    " +
           vbStatement(R, Depth + 1, Vba);
    S += "        Case Else\n            count = 0\n    End Select\n";
    return S;
  }
  }
}

std::string vbFunction(Rng &R, bool Vba) {
  std::string Name = R.pick(Verbs) + noun(R) + std::to_string(R.range(1, 999));
  std::string S = "' " + R.pick(Verbs) + "s the " + lower(R) + " files.\n";
  S += Vba ? "Public Function " + Name +
                 "(ByVal path As String) As Long\n"
                 "    Dim fso As Object, folder As Object, file As Object\n"
                 "    Dim total As Long, count As Long, i As Long, names As "
                 "String\n"
                 "    Set fso = CreateObject(\"Scripting.FileSystemObject\")\n"
           : "Function " + Name +
                 "(path)\n"
                 "    Dim fso, folder, file, total, count, i, names\n"
                 "    Set fso = CreateObject(\"Scripting.FileSystemObject\")\n";
  int N = R.range(4, 12);
  for (int I = 0; I < N; ++I)
    S += vbStatement(R, 0, Vba);
  S += "    " + Name + " = total\nEnd Function\n\n";
  return S;
}

std::string vbCheck(Rng &R, bool Vba) {
  std::string Decl =
      Vba ? "    Dim objWMI As Object, colOS As Object, objOS As Object\n"
          : "    Dim objWMI, colOS, objOS\n";
  switch (R.below(2)) {
  case 0:
    return std::string(Vba ? "Public Function IsServer2008Sp2() As Boolean\n"
                           : "Function IsServer2008Sp2()\n") +
           Decl +
           "    IsServer2008Sp2 = False\n"
           "    Set objWMI = GetObject(\"winmgmts:\\\\.\\root\\cimv2\")\n"
           "    Set colOS = objWMI.ExecQuery(\"SELECT * FROM "
           "Win32_OperatingSystem\")\n"
           "    For Each objOS In colOS\n"
           "        If objOS.BuildNumber = \"6002\" Then\n"
           "            IsServer2008Sp2 = True\n        End If\n    Next\n"
           "End Function\n\n";
  default:
    return std::string(Vba ? "Public Function IsLegacyVista() As Boolean\n"
                           : "Function IsLegacyVista()\n") +
           Decl +
           "    IsLegacyVista = False\n"
           "    Set objWMI = GetObject(\"winmgmts:\\\\.\\root\\cimv2\")\n"
           "    Set colOS = objWMI.ExecQuery(\"SELECT * FROM "
           "Win32_OperatingSystem\")\n"
           "    For Each objOS In colOS\n"
           "        If InStr(objOS.Version, \"6.0.6002\") = 1 Then "
           "IsLegacyVista = True\n"
           "    Next\nEnd Function\n\n";
  }
}

enum class VbKind { Script, Module, Class };

std::string vbSource(Rng &R, size_t Target, bool Checked, VbKind K,
                     const std::string &Name) {
  std::string S;
  if (K == VbKind::Class)
    S += "VERSION 1.0 CLASS\nBEGIN\n  MultiUse = -1  'True\nEND\n";
  if (K != VbKind::Script)
    S += "Attribute VB_Name = \"" + Name + "\"\n";
  if (K == VbKind::Class)
    S +=
        "Attribute VB_GlobalNameSpace = False\nAttribute VB_Creatable = False\n"
        "Attribute VB_PredeclaredId = False\nAttribute VB_Exposed = False\n";
  S += "Option Explicit\n' " + noun(R) + " maintenance.\n\n";
  bool Vba = K != VbKind::Script;
  size_t CheckAt =
      Checked ? R.below(std::max<size_t>(1, Target / 2)) : SIZE_MAX;
  while (S.size() < Target) {
    if (S.size() >= CheckAt) {
      S += vbCheck(R, Vba);
      CheckAt = SIZE_MAX;
    }
    S += vbFunction(R, Vba);
  }
  if (CheckAt != SIZE_MAX)
    S += vbCheck(R, Vba);
  if (K == VbKind::Script)
    S += "WScript.Quit 0\n";
  return S;
}

// ------------------------------------------------------------------ main --

[[noreturn]] void usage(int Rc) {
  std::fprintf(
      Rc ? stderr : stdout,
      "usage: vg_gencorpus --size-mb N --checked-share PERCENT --out DIR\n"
      "                    [--seed S] [--mix CPP:PS:VB] [--list-checked "
      "FILE]\n");
  std::exit(Rc);
}

} // namespace

int main(int argc, char **argv) {
  double SizeMb = 50, Share = 0.1;
  uint64_t Seed = 1;
  std::string Out, ListChecked;
  double Mix[3] = {60, 20, 20};
  for (int I = 1; I < argc; ++I) {
    std::string A = argv[I];
    auto Val = [&]() -> std::string {
      if (I + 1 >= argc)
        usage(2);
      return argv[++I];
    };
    if (A == "--size-mb")
      SizeMb = std::atof(Val().c_str());
    else if (A == "--checked-share")
      Share = std::atof(Val().c_str());
    else if (A == "--seed")
      Seed = std::strtoull(Val().c_str(), nullptr, 10);
    else if (A == "--out")
      Out = Val();
    else if (A == "--list-checked")
      ListChecked = Val();
    else if (A == "--mix") {
      std::string M = Val();
      if (std::sscanf(M.c_str(), "%lf:%lf:%lf", &Mix[0], &Mix[1], &Mix[2]) != 3)
        usage(2);
    } else if (A == "-h" || A == "--help")
      usage(0);
    else
      usage(2);
  }
  if (Out.empty() || SizeMb <= 0 || Share < 0 || Share > 100)
    usage(2);
  double MixSum = Mix[0] + Mix[1] + Mix[2];
  fs::create_directories(Out);
  std::ofstream Checked;
  if (!ListChecked.empty())
    Checked.open(ListChecked);

  const uint64_t Budget = uint64_t(SizeMb * 1024 * 1024);
  uint64_t Bytes[3] = {0, 0, 0};
  uint64_t Files[3] = {0, 0, 0}, CheckedFiles[3] = {0, 0, 0}, Total = 0;
  Rng Layout{Seed * 1000003 + 17};
  uint64_t FileNo = 0;
  auto Write = [&](const fs::path &P, const std::string &S) {
    std::ofstream F(P, std::ios::binary);
    F.write(S.data(), std::streamsize(S.size()));
    if (!F) {
      std::fprintf(stderr, "vg_gencorpus: cannot write %s\n", P.c_str());
      std::exit(1);
    }
    Total += S.size();
  };
  // Generates a file; an unchecked one that happens to carry a trigger is
  // generated again from the next random state.
  auto Make = [&](auto Gen, bool IsChecked) {
    Rng R{Seed ^ (0xA5A5A5A5ULL + FileNo++ * 0x100000001B3ULL)};
    for (;;) {
      std::string S = Gen(R);
      if (IsChecked || !hasTrigger(S))
        return S;
    }
  };
  for (int Proj = 0; Total < Budget; ++Proj) {
    char PName[32];
    std::snprintf(PName, sizeof PName, "proj%04d", Proj);
    fs::path PDir = fs::path(Out) / PName;
    std::string Common = lower(Layout) + "_common.h";
    fs::create_directories(PDir);
    if (Mix[0] > 0) {
      fs::create_directories(PDir / "include");
      Write(PDir / "include" / Common,
            Make(
                [&](Rng &R) {
                  std::string G = "PROJ" + std::to_string(Proj) + "_COMMON_H";
                  return cHeader(R, G);
                },
                false));
      ++Files[0];
    }
    int Modules = Layout.range(2, 6);
    for (int M = 0; M < Modules && Total < Budget; ++M) {
      std::string MName = "mod" + std::to_string(M) + "_" + Layout.pick(Syll);
      int Count = Layout.range(8, 40);
      for (int F = 0; F < Count && Total < Budget; ++F) {
        // Language by byte share: pick the one furthest below its share.
        int L = 0;
        double Worst = 1e18;
        for (int K = 0; K < 3; ++K) {
          if (Mix[K] <= 0)
            continue;
          double Ratio = double(Bytes[K]) / (Mix[K] / MixSum);
          if (Ratio < Worst) {
            Worst = Ratio;
            L = K;
          }
        }
        bool IsChecked = Layout.chance(Share / 100.0);
        std::string Stem = lower(Layout) + std::to_string(F);
        fs::path Dir;
        std::string S;
        if (L == 0) {
          Dir = PDir / "src" / MName;
          bool Cpp = Layout.chance(0.6);
          size_t Sz = Layout.size(1500, 80000);
          Stem += Cpp ? ".cpp" : ".c";
          S = Make(
              [&](Rng &R) { return cSource(R, Cpp, Sz, IsChecked, Common); },
              IsChecked);
        } else if (L == 1) {
          Dir = PDir / "scripts" / MName;
          bool Module = Layout.chance(0.25);
          size_t Sz = Layout.size(800, 40000);
          Stem += Module ? ".psm1" : ".ps1";
          S = Make([&](Rng &R) { return psSource(R, Sz, IsChecked, Module); },
                   IsChecked);
        } else {
          Dir = PDir / "vb" / MName;
          uint64_t Pick = Layout.below(10);
          VbKind K = Pick < 6   ? VbKind::Script
                     : Pick < 8 ? VbKind::Module
                                : VbKind::Class;
          size_t Sz = Layout.size(600, 30000);
          std::string VbName = cap(lower(Layout)) + std::to_string(F);
          Stem = VbName + (K == VbKind::Script   ? ".vbs"
                           : K == VbKind::Module ? ".bas"
                                                 : ".cls");
          S = Make(
              [&](Rng &R) { return vbSource(R, Sz, IsChecked, K, VbName); },
              IsChecked);
        }
        fs::create_directories(Dir);
        Write(Dir / Stem, S);
        Bytes[L] += S.size();
        ++Files[L];
        if (IsChecked) {
          ++CheckedFiles[L];
          if (Checked)
            Checked << (Dir / Stem).string() << "\n";
        }
      }
    }
  }
  std::printf("generated %s: %.1f MB in %llu files (C/C++ %llu files %.1f MB "
              "%llu checked; PowerShell %llu files %.1f MB %llu checked; "
              "VBScript/VBA %llu files %.1f MB %llu checked)\n",
              Out.c_str(), double(Total) / 1048576.0,
              (unsigned long long)(Files[0] + Files[1] + Files[2]),
              (unsigned long long)Files[0], double(Bytes[0]) / 1048576.0,
              (unsigned long long)CheckedFiles[0], (unsigned long long)Files[1],
              double(Bytes[1]) / 1048576.0, (unsigned long long)CheckedFiles[1],
              (unsigned long long)Files[2], double(Bytes[2]) / 1048576.0,
              (unsigned long long)CheckedFiles[2]);
  return 0;
}
