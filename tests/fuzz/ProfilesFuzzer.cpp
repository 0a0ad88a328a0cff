//===- ProfilesFuzzer.cpp - the profiles YAML loader ----------------------===//
//
// Parses the bytes as rules/profiles.yaml; when they load, runs the rules with
// those profiles and bumps on guards lowered once from a PowerShell script
// that reads every kind of version quantity.
//
//===----------------------------------------------------------------------===//
#include "FuzzCommon.h"
#include "core/Profile.h"
#include "powershell/PowerShellFrontend.h"

using namespace verguard;

namespace {
const char Script[] = R"ps(
$os = Get-CimInstance Win32_OperatingSystem
if ($os.BuildNumber -eq '6002') { 'sp2' }
if ([int]$os.BuildNumber -le 6002 -and $os.Version -like '6.0.6002*') { 'old' }
$v = [Environment]::OSVersion.Version
if ($v.Build -gt 6002 -or $v.Revision -ge 24000) { 'new' }
if ([version]$os.Version -eq [version]'6.0.6002') { 'eq' }
if ($os.Caption -match 'Server 2008' -and $os.Version.StartsWith('6.0.6002')) {}
$ubr = (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').UBR
if ($ubr -lt 24566) { 'patch' }
switch ($os.BuildNumber) { '6002' { 'a' } '7601' { 'b' } default { 'c' } }
$t = @{ '6002' = 'sp2'; '7601' = 'w7' }
$name = $t[$os.BuildNumber]
)ps";

const std::vector<core::Guard> &guards() {
  static const std::vector<core::Guard> G = [] {
    std::vector<core::Guard> Out;
    std::vector<core::Diagnostic> Diags;
    auto Text = script::decodeText(Script, "guards.ps1");
    if (!Text)
      abort();
    powershell::lowerFile("guards.ps1", *Text, {}, Out, Diags);
    if (Out.size() < 5)
      abort(); // the frontend stopped seeing these guards: fix the script
    return Out;
  }();
  return G;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Yaml(reinterpret_cast<const char *>(Data), Size);
  auto Set = core::parseProfiles(Yaml, "fuzz.yaml");
  if (!Set) {
    llvm::consumeError(Set.takeError());
    return 0;
  }
  rules::CheckConfig Cfg;
  Cfg.Profiles = &*Set;
  for (const core::Bump &B : Set->Bumps) {
    if (B.Before >= Set->Profiles.size() || B.After >= Set->Profiles.size())
      abort();
    if (B.Enabled)
      Cfg.Bumps.push_back(&B);
    Set->findBump(B.Id);
  }
  for (const core::Profile &P : Set->Profiles)
    Set->find(P.Id);
  for (const core::Guard &G : guards())
    rules::checkGuard(G, Cfg);
  return 0;
}
