//===- Settings.cpp -------------------------------------------------------===//
#include "driver/Settings.h"
#include "core/SourceTable.h"
#include "driver/BumpLiterals.h"

#include "cpp/CppFrontend.h"

#include "report/Report.h"
#include "rules/Rule.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace verguard::driver {

bool showSettings(llvm::raw_ostream &OS, llvm::StringRef File,
                  const RunOptions &Opts, llvm::StringRef SrcRoot) {
  llvm::SmallString<256> Abs(File);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  std::string Path = Abs.str().str();
  auto Show = [&](llvm::StringRef P) {
    return report::displayPath(P, SrcRoot);
  };

  std::shared_ptr<const Config> Cfg;
  std::string ConfigLine;
  if (Opts.ForcedConfig) {
    Cfg = Opts.ForcedConfig;
    ConfigLine = Show(Cfg->Path) + " (--config)";
  } else if (!Opts.UseConfigFiles) {
    ConfigLine = "none (--no-config)";
  } else {
    ConfigFinder Finder;
    auto C = Finder.forFile(Path);
    if (!C) {
      OS << "verguard: error: " << llvm::toString(C.takeError()) << "\n";
      return false;
    }
    Cfg = *C;
    ConfigLine = Cfg ? Show(Cfg->Path) + " (the nearest above the file)"
                     : "none (no .verguard.yaml or .verguard.yml above the "
                       "file, up to the top of its repository)";
  }
  // `path:line:col` of a value in the configuration.
  auto At = [&](const Config::Origin &O) {
    return Show(Cfg->Path) + ":" + std::to_string(O.Line) + ":" +
           std::to_string(O.Col);
  };
  auto AtKey = [&](const std::string &Key) -> std::string {
    if (!Cfg)
      return "";
    auto It = Cfg->Where.find(Key);
    return It == Cfg->Where.end() ? "" : At(It->second);
  };
  auto AtRule = [&](const GlobRule &R) {
    return At(Config::Origin{R.Line, R.Col});
  };

  OS << "settings for " << Show(Path) << "\n";
  Language L = languageOf(Path);
  OS << "  language: "
     << (L == Language::None ? "none (verguard does not read this file: "
                               "unknown extension)"
                             : languageName(L))
     << "\n";
  OS << "  configuration: " << ConfigLine << "\n";

  // Whether a run would analyze it, and why not.
  OS << "  analyzed: ";
  if (!llvm::sys::fs::exists(Path)) {
    OS << "no (no such file)\n";
  } else if (L == Language::None) {
    OS << "no (unknown extension)\n";
  } else if (Cfg && !Cfg->selects(Path)) {
    llvm::StringRef Rel = Cfg->relative(Path);
    if (!Cfg->Include.empty() && Cfg->Include.decide(Rel) != true) {
      const GlobRule *R = Cfg->Include.decidingRule(Rel);
      OS << "no, not included: "
         << (R ? "'" + R->Text + "' at " + AtRule(*R)
               : "no include pattern matches it (" +
                     AtRule(Cfg->Include.rules().front()) + ")")
         << "\n";
    } else {
      const GlobRule *R = Cfg->Exclude.decidingRule(Rel);
      OS << "no, excluded: '" << R->Text << "' at " << AtRule(*R) << "\n";
    }
  } else if (auto Ignored = gitIgnored(Path)) {
    std::string Why = "'" + Ignored->Rule.Text + "' at " +
                      Show(Ignored->Source) + ":" +
                      std::to_string(Ignored->Rule.Line) + ":" +
                      std::to_string(Ignored->Rule.Col) + " matches " +
                      Show(Ignored->Matched);
    if (Opts.Gitignore)
      OS << "when named, yes; in a directory walked, no: git ignores it ("
         << Why << "; see --no-ignore)\n";
    else
      OS << "yes (git ignores it, " << Why << ", but --no-ignore)\n";
  } else {
    OS << "yes\n";
  }

  // What the configuration changes, on top of the command line.
  rules::CheckConfig Check = Opts.Check;
  core::FrontendOptions Frontend = Opts.Frontend;
  if (Cfg)
    llvm::consumeError(Cfg->apply(Check, Frontend));

  OS << "  rules:\n";
  std::vector<const core::RuleInfo *> All;
  for (const rules::Rule *R : rules::allRules())
    All.push_back(&R->info());
  for (const core::RuleInfo *I : rules::metaRules())
    All.push_back(I);
  for (const core::RuleInfo *I : All) {
    OS << "    " << I->Id << " " << I->Name << ": ";
    // The command line over the configuration (rules::CheckConfig::enabled):
    // --disable, then --enable, then --select, then rules.disable.
    const rules::RuleSelection &CL = Opts.Check.CommandLine;
    std::vector<std::string> Off;
    if (CL.Disable.count(I->Id))
      Off.push_back("--disable");
    else if (!CL.Enable.count(I->Id)) {
      if (CL.Select && !CL.Select->count(I->Id))
        Off.push_back("not in --select");
      else if (!CL.Select)
        if (std::string W = AtKey(std::string("rules.disable.") + I->Id);
            !W.empty())
          Off.push_back(W);
    }
    if (!Off.empty() || !Check.enabled(I->Id)) {
      OS << "disabled ("
         << (Off.empty() ? "configuration" : llvm::join(Off, "; ")) << ")\n";
      continue;
    }
    OS << (CL.Enable.count(I->Id)                 ? "enabled (--enable)"
           : CL.Select && CL.Select->count(I->Id) ? "enabled (--select)"
                                                  : "enabled (default)");
    auto Sev = Check.SeverityOverrides.find(I->Id);
    if (Sev != Check.SeverityOverrides.end())
      OS << ", severity " << core::severityName(Sev->second) << " ("
         << AtKey(std::string("rules.severity.") + I->Id) << ")";
    OS << "\n";
  }

  OS << "  bumps checked:\n";
  for (const core::Bump *B : Check.Bumps) {
    std::string From;
    if (Cfg && Cfg->Bumps && llvm::is_contained(*Cfg->Bumps, B->Id))
      From = AtKey("bumps");
    else if (B->Enabled)
      From = "default";
    else
      From = "--bump";
    OS << "    " << B->Id << " (" << From << ")\n";
  }
  std::vector<std::string> Unchecked;
  for (const core::Bump &B : Check.Profiles->Bumps)
    if (!llvm::is_contained(Check.Bumps, &B))
      Unchecked.push_back(B.Id);
  if (!Unchecked.empty())
    OS << "  bumps not checked: " << llvm::join(Unchecked, ", ")
       << " (--bump ID, or `bumps:` in the configuration)\n";
  // What makes a file worth parsing (driver/Prefilter.h), and the words
  // a plain text search for the same would look for (tools/bench's rg).
  BumpLiterals Lits =
      BumpLiterals::of(*Check.Profiles, Check.Bumps, Frontend.Sources);
  OS << "  prefilter: a build in";
  for (const BumpLiterals::Interval &I : Lits.Builds)
    OS << " [" << int64_t(I.Lo) << ", " << int64_t(I.Hi) << "]";
  OS << " in any notation; a revision threshold in";
  for (const BumpLiterals::Interval &I : Lits.Revisions)
    OS << " [" << int64_t(I.Lo) << ", " << int64_t(I.Hi) << "]";
  if (Lits.Revisions.empty())
    OS << " (none)";
  OS << " with a revision source (" << llvm::join(Lits.RevisionWords, ", ")
     << ")";
  if (!Lits.SourceNames.empty())
    OS << "; a source named " << llvm::join(Lits.SourceNames, ", ");
  OS << "\n  prefilter words: "
     << llvm::join(
            core::triggerWords(*Check.Profiles, Check.Bumps, Frontend.Sources),
            " ")
     << "\n";

  OS << "  compile database: ";
  if (!Opts.Frontend.CompileDbDir.empty()) {
    OS << Show(Opts.Frontend.CompileDbDir) << "/compile_commands.json (-p)\n";
  } else if (Cfg && !Cfg->CompileDatabase.empty()) {
    OS << Show(Cfg->CompileDatabase) << "/compile_commands.json ("
       << AtKey("compile-database") << ")\n";
  } else {
    std::string Found;
    for (llvm::StringRef D = llvm::sys::path::parent_path(Path); !D.empty();
         D = llvm::sys::path::parent_path(D))
      if (llvm::sys::fs::exists(D + "/compile_commands.json")) {
        Found = (D + "/compile_commands.json").str();
        break;
      }
    if (!Found.empty())
      OS << Show(Found) << " (default: the nearest above the file)\n";
    else
      OS << "none (default: none above the file; standalone flags with the "
            "mingw-w64 headers)\n";
  }

  OS << "  Clang's builtin headers: " << cpp::clangResourceDir()
     << "/include\n";

  std::vector<std::string> Args;
  if (Cfg)
    for (const std::string &A : Cfg->ExtraArgs)
      Args.push_back(A + " (" + AtKey("extra-args") + ")");
  for (const std::string &A : Opts.Frontend.ExtraArgs)
    Args.push_back(A + " (--extra-arg)");
  OS << "  extra compiler arguments:" << (Args.empty() ? " none\n" : "\n");
  for (const std::string &A : Args)
    OS << "    " << A << "\n";

  OS << "  version sources:"
     << (!Cfg || Cfg->Sources.empty() ? " built-in only (rules/sources.yaml)\n"
                                      : "\n");
  if (Cfg)
    for (size_t I = 0; I < Cfg->Sources.size(); ++I) {
      const core::UserSource &S = Cfg->Sources[I];
      OS << "    " << S.Name << ": " << core::quantityName(S.Q)
         << (S.Language.empty() ? "" : ", " + S.Language) << " ("
         << AtKey("sources." + std::to_string(I)) << ")\n";
    }

  OS << "  prefilter: "
     << (Opts.Prefilter ? "on (default)" : "off (--no-prefilter)") << "\n";
  OS << "  function bodies: "
     << (Opts.SkipBodies ? "only those a finding can depend on (default)"
                         : "all (--parse-all-bodies)")
     << "\n";
  OS << "  files git ignores: "
     << (Opts.Gitignore ? "skipped in directories walked (default)"
                        : "analyzed (--no-ignore)")
     << "\n";
  return true;
}

} // namespace verguard::driver
