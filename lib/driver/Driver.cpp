//===- Driver.cpp ---------------------------------------------------------===//
#include "driver/Driver.h"

#include "cpp/CppFrontend.h"
#include "script/Text.h"
#include "powershell/PowerShellFrontend.h"
#include "vbscript/VBScriptFrontend.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

namespace verguard::driver {

namespace {

cpp::CompileDatabases &databases(const std::string &Dir) {
  static std::mutex Lock;
  static std::map<std::string, std::unique_ptr<cpp::CompileDatabases>> All;
  std::lock_guard<std::mutex> G(Lock);
  auto &Slot = All[Dir];
  if (!Slot)
    Slot = std::make_unique<cpp::CompileDatabases>(Dir);
  return *Slot;
}

void fileNote(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
              core::Severity S, std::string Msg) {
  core::Diagnostic D;
  D.Level = S;
  D.Where.File = Path.str();
  D.Message = std::move(Msg);
  Diags.push_back(std::move(D));
}

/// Quoted #include targets next to the file or in a parent's include/.
std::vector<std::string> quotedIncludes(llvm::StringRef Path,
                                        llvm::StringRef Text) {
  std::vector<std::string> Out;
  llvm::StringRef Rest = Text;
  while (true) {
    size_t At = Rest.find("#include");
    if (At == llvm::StringRef::npos)
      break;
    Rest = Rest.drop_front(At + 8).ltrim(" \t");
    if (!Rest.consume_front("\""))
      continue;
    llvm::StringRef Name = Rest.take_until([](char C) {
      return C == '"' || C == '\n';
    });
    llvm::SmallString<256> Dir(llvm::sys::path::parent_path(Path));
    for (int Up = 0; Up < 4 && !Dir.empty(); ++Up) {
      for (const char *Sub : {"", "include"}) {
        llvm::SmallString<256> Cand(Dir);
        llvm::sys::path::append(Cand, Sub, Name);
        if (llvm::sys::fs::is_regular_file(Cand)) {
          Out.push_back(Cand.str().str());
          goto Next;
        }
      }
      Dir = llvm::sys::path::parent_path(Dir);
    }
  Next:;
  }
  return Out;
}

} // namespace

std::vector<std::string> triggers(const RunOptions &Opts) {
  std::vector<std::string> T;
  auto Add = [&](std::string S) {
    S = llvm::StringRef(S).lower();
    if (std::find(T.begin(), T.end(), S) == T.end())
      T.push_back(S);
  };
  for (const core::Bump *B : Opts.Check.Bumps) {
    const auto &P = Opts.Check.Profiles->Profiles;
    Add(std::to_string(P[B->Before].build()));
    Add(std::to_string(P[B->After].build()));
  }
  // Revision thresholds do not mention the build: their sources do.
  for (const char *S : {"ubr", "revision", "versionls", "fileprivatepart",
                        "getfileversion", "versioninfo"})
    Add(S);
  for (const core::UserSource &S : Opts.Frontend.Sources)
    Add(S.Name);
  return T;
}

bool mayHoldFinding(llvm::StringRef Text,
                    const std::vector<std::string> &Triggers) {
  for (const std::string &T : Triggers) {
    bool Digits = llvm::all_of(T, llvm::isDigit);
    if (Digits ? Text.contains(T) : Text.contains_insensitive(T))
      return true;
  }
  return false;
}

void analyzeBytes(const std::string &Path, Language Lang,
                  llvm::StringRef Bytes, const RunOptions &Opts,
                  std::vector<core::Finding> &Findings,
                  std::vector<core::Diagnostic> &Diags) {
  std::vector<core::Guard> Guards;
  if (Lang == Language::Cpp) {
    cpp::analyzeFile(Path, Bytes, databases(Opts.Frontend.CompileDbDir),
                     Opts.Frontend, Guards, Diags);
  } else {
    auto Text = script::decodeText(Bytes, Path);
    if (!Text) {
      fileNote(Diags, Path, core::Severity::Warning,
               llvm::toString(Text.takeError()));
      return;
    }
    switch (Lang) {
    case Language::PowerShell:
      powershell::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    case Language::VBScript:
    case Language::VBA:
      vbscript::lowerFile(Path, *Text, Opts.Frontend, Guards, Diags);
      break;
    default:
      break;
    }
  }
  for (const core::Guard &G : Guards) {
    auto F = rules::checkGuard(G, Opts.Check);
    Findings.insert(Findings.end(), std::make_move_iterator(F.begin()),
                    std::make_move_iterator(F.end()));
  }
}

RunResult run(const RunOptions &Opts) {
  RunResult R;
  auto Files = discover(Opts.Paths, R.Diagnostics);
  std::vector<std::string> Trig = triggers(Opts);
  struct PerFile {
    std::vector<core::Finding> Findings;
    std::vector<core::Diagnostic> Diags;
    bool Parsed = false;
    std::string Content;
  };
  std::vector<PerFile> Results(Files.size());
  std::mutex ProgressLock;
  size_t Done = 0, FindingsSoFar = 0;
  auto Work = [&](size_t I) {
    const DiscoveredFile &F = Files[I];
    PerFile &Out = Results[I];
    auto Buf = llvm::MemoryBuffer::getFile(F.Path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    if (!Buf) {
      fileNote(Out.Diags, F.Path, core::Severity::Error,
               "cannot read: " + Buf.getError().message());
    } else {
      llvm::StringRef Bytes = (*Buf)->getBuffer();
      bool Vbe = llvm::sys::path::extension(F.Path).equals_insensitive(".vbe");
      bool Html = llvm::sys::path::extension(F.Path).starts_with_insensitive(".htm");
      bool Wanted = true;
      // NUL bytes: UTF-16 text (searched decoded) or a binary file.
      std::string Decoded;
      llvm::StringRef Searched = Bytes;
      if (Bytes.starts_with("\xFF\xFE") || Bytes.starts_with("\xFE\xFF") ||
          Bytes.contains('\0')) {
        auto T = script::decodeText(Bytes, F.Path);
        if (!T) {
          fileNote(Out.Diags, F.Path, core::Severity::Warning,
                   llvm::toString(T.takeError()));
          Wanted = false;
        } else {
          Decoded = std::move(T->Utf8);
          Searched = Decoded;
        }
      }
      if (!Wanted) {
      } else if (Html && !Searched.contains_insensitive("vbscript"))
        Wanted = false; // an HTML page without VBScript
      else if (Opts.Prefilter && !Vbe && !mayHoldFinding(Searched, Trig)) {
        Wanted = false;
        if (F.Lang == Language::Cpp)
          for (const std::string &H : quotedIncludes(F.Path, Bytes)) {
            auto HB = llvm::MemoryBuffer::getFile(H, false, false);
            if (HB && mayHoldFinding((*HB)->getBuffer(), Trig)) {
              Wanted = true;
              break;
            }
          }
      }
      if (Wanted) {
        Out.Parsed = true;
        analyzeBytes(F.Path, F.Lang, Bytes, Opts, Out.Findings, Out.Diags);
        if (!Out.Findings.empty())
          Out.Content = Bytes.str();
      }
    }
    if (Opts.Progress) {
      std::lock_guard<std::mutex> G(ProgressLock);
      FindingsSoFar += Out.Findings.size();
      Opts.Progress(++Done, Files.size(), FindingsSoFar);
    }
  };
  unsigned Jobs = Opts.Jobs ? Opts.Jobs : llvm::hardware_concurrency().compute_thread_count();
  if (Jobs <= 1 || Files.size() <= 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      Work(I);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] { Work(I); });
    Pool.wait();
  }
  // Merge in file order; a header's finding seen from several translation
  // units is reported once.
  std::set<std::tuple<std::string, std::string, uint32_t, uint32_t>> Seen;
  for (size_t I = 0; I < Files.size(); ++I) {
    PerFile &P = Results[I];
    for (core::Finding &F : P.Findings)
      if (Seen.insert({F.RuleId, F.Where.File, F.Where.Begin, F.Where.End})
              .second)
        R.Findings.push_back(std::move(F));
    R.Diagnostics.insert(R.Diagnostics.end(), P.Diags.begin(), P.Diags.end());
    FileSummary S{Files[I].Path, Files[I].Lang, P.Parsed, std::move(P.Content)};
    R.FilesByLanguage[languageName(Files[I].Lang)]++;
    if (!P.Parsed)
      R.Skipped++;
    R.Files.push_back(std::move(S));
  }
  std::stable_sort(R.Findings.begin(), R.Findings.end(),
                   [](const core::Finding &A, const core::Finding &B) {
                     return std::tie(A.Where.File, A.Where.Line, A.Where.Col,
                                     A.RuleId) <
                            std::tie(B.Where.File, B.Where.Line, B.Where.Col,
                                     B.RuleId);
                   });
  // Diagnostics: deduplicated (a header's missing include from many TUs).
  std::set<std::tuple<std::string, uint32_t, std::string>> SeenD;
  std::vector<core::Diagnostic> Diags;
  for (core::Diagnostic &D : R.Diagnostics)
    if (SeenD.insert({D.Where.File, D.Where.Line, D.Message}).second)
      Diags.push_back(std::move(D));
  std::stable_sort(Diags.begin(), Diags.end(),
                   [](const core::Diagnostic &A, const core::Diagnostic &B) {
                     return std::tie(A.Where.File, A.Where.Line) <
                            std::tie(B.Where.File, B.Where.Line);
                   });
  R.Diagnostics = std::move(Diags);
  return R;
}

} // namespace verguard::driver
