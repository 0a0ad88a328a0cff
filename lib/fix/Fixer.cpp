//===- Fixer.cpp ----------------------------------------------------------===//
#include "fix/Fixer.h"

#include "fix/FixApply.h"
#include "report/Report.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <set>

namespace verguard::fix {

namespace {

core::Diagnostic fileTrouble(const std::string &File, std::string Msg) {
  core::Diagnostic D;
  D.Level = core::Severity::Warning;
  D.Where.File = File;
  D.Where.Line = D.Where.Col = 1;
  D.Message = std::move(Msg);
  return D;
}

/// The texts of the files being fixed, as read and as the passes left them.
struct Files {
  std::map<std::string, std::string> Original, Current;
  std::map<std::string, driver::Language> Langs;
  std::map<std::string, size_t> DiagCount; // parse trouble of Current[File]
  std::map<std::string, unsigned> Applied; // findings fixed in Current[File]

  /// A file a fix edits that the run did not keep (a header): from disk.
  bool load(const std::string &File) {
    if (Current.count(File))
      return true;
    auto Buf = llvm::MemoryBuffer::getFile(File, false, false);
    if (!Buf)
      return false;
    Original[File] = Current[File] = (*Buf)->getBuffer().str();
    Langs[File] = driver::languageOf(File);
    return true;
  }
};

/// One pass over the files Pending's fixes edit. Returns whether a file
/// changed; Next gets the findings of the files where an edit had to wait
/// (they are fixed, if still there, by the next pass).
bool pass(const driver::RunOptions &Opts,
          const std::vector<core::Finding> &Pending, Files &Fs,
          std::vector<core::Finding> &Next,
          std::vector<core::Diagnostic> &Diags) {
  std::map<std::string, std::vector<core::Edit>> ByFile;
  for (const core::Finding &F : Pending)
    if (F.TheFix)
      for (const core::Edit &E : F.TheFix->Edits)
        ByFile[E.Span.File].push_back(E);
  bool Progressed = false;
  for (auto &[File, Edits] : ByFile) {
    if (!Fs.load(File))
      continue;
    std::string &Current = Fs.Current[File];
    std::vector<core::Edit> Deferred;
    std::vector<AppliedEdit> Edited;
    std::string New = applyEdits(Current, Edits, &Deferred, &Edited);
    if (New == Current)
      continue;
    // Verify: re-analyze the new text; no new parse trouble may appear.
    driver::Language Lang = Fs.Langs[File];
    if (!Fs.DiagCount.count(File)) {
      // Parse trouble of the text as it is, measured once per file.
      std::vector<core::Finding> Ignored;
      std::vector<core::Diagnostic> BeforeD;
      driver::analyzeBytes(File, Lang, Current, Opts, Ignored, BeforeD);
      Fs.DiagCount[File] = BeforeD.size();
    }
    std::vector<core::Finding> After;
    std::vector<core::Diagnostic> AfterD;
    driver::analyzeBytes(File, Lang, New, Opts, After, AfterD);
    // The findings this pass fixes in the file: none of their edits waits
    // for a later pass.
    std::vector<const core::Finding *> FixedHere;
    for (const core::Finding &F : Pending)
      if (F.TheFix && F.TheFix->Edits.front().Span.File == File &&
          llvm::none_of(F.TheFix->Edits, [&](const core::Edit &E) {
            return llvm::is_contained(Deferred, E);
          }))
        FixedHere.push_back(&F);
    // Each must be gone: no finding of its rule and bump may remain where
    // its guard now is (found by position, not by text: a fix that
    // rewrote the guard's text must not hide what it left).
    const core::Finding *Stuck = nullptr;
    for (const core::Finding *F : FixedHere) {
      auto [B, E] = mapRange(Edited, F->Where.Begin, F->Where.End);
      for (const core::Finding &A : After)
        if (A.RuleId == F->RuleId && A.Bump == F->Bump && A.Where.Begin <= E &&
            B <= A.Where.End)
          Stuck = F;
    }
    if (Stuck) {
      core::Diagnostic D = fileTrouble(
          File, "the fix of this " + Stuck->RuleId +
                    " finding did not remove it; this file was not changed");
      D.Where = Stuck->Where;
      Diags.push_back(std::move(D));
      continue;
    }
    if (AfterD.size() > Fs.DiagCount[File]) {
      Diags.push_back(fileTrouble(
          File, "a fix would introduce a parse problem (" +
                    AfterD.back().Message + "); this file was not changed"));
      continue;
    }
    Current = std::move(New);
    Fs.DiagCount[File] = AfterD.size();
    Progressed = true;
    Fs.Applied[File] += FixedHere.size();
    for (core::Finding &F : After)
      if (F.TheFix && !Deferred.empty())
        Next.push_back(std::move(F));
  }
  return Progressed;
}

} // namespace

FixResult applyFixes(const driver::RunOptions &Opts, const driver::RunResult &R,
                     Mode M, llvm::StringRef SrcRoot) {
  FixResult Run;
  Files Fs;
  for (const driver::FileSummary &F : R.Files)
    if (!F.Content.empty()) {
      Fs.Original[F.Path] = Fs.Current[F.Path] = F.Content;
      Fs.Langs[F.Path] = F.Lang;
    }
  std::vector<core::Finding> Pending = R.Findings;
  for (unsigned Pass = 0; Pass < MaxPasses && !Pending.empty(); ++Pass) {
    std::vector<core::Finding> Next;
    if (!pass(Opts, Pending, Fs, Next, Run.Diags))
      break;
    ++Run.Passes;
    Pending = std::move(Next);
  }
  // Two names of one file (a symlink and its target, hard links) are
  // written once.
  std::map<llvm::sys::fs::UniqueID, std::pair<std::string, std::string>> Done;
  for (auto &[File, Text] : Fs.Current) {
    const std::string &Original = Fs.Original[File];
    if (Text == Original)
      continue;
    llvm::sys::fs::UniqueID Id;
    if (!llvm::sys::fs::getUniqueID(File, Id)) {
      auto [It, New] = Done.try_emplace(Id, File, Text);
      if (!New) {
        if (It->second.second == Text)
          Run.Written.push_back(File); // fixed through the other name
        else
          Run.Diags.push_back(fileTrouble(
              File, "is the same file as " +
                        report::displayPath(It->second.first, SrcRoot) +
                        ", fixed through that name; not fixed again"));
        continue;
      }
    }
    Run.Diff += unifiedDiff(report::displayPath(File, SrcRoot), Original, Text);
    if (M == Mode::Write)
      if (auto E = writeFixedFile(File, Original, Text)) {
        core::Diagnostic D = fileTrouble(File, "");
        llvm::handleAllErrors(std::move(E), [&](const llvm::StringError &S) {
          D.Message = S.getMessage();
          // A refusal (read-only) is a warning; a failed write, an error.
          if (S.convertToErrorCode() != std::errc::permission_denied)
            D.Level = core::Severity::Error;
        });
        Run.Diags.push_back(std::move(D));
        continue;
      }
    Run.Written.push_back(File);
    Run.Fixed += Fs.Applied[File];
  }
  Run.Texts = std::move(Fs.Current);
  return Run;
}

void reanalyzeWritten(const driver::RunOptions &Opts,
                      const std::vector<std::string> &Written,
                      driver::RunResult &R) {
  if (Written.empty())
    return;
  // The files written, named (no second walk of the tree), with the lines
  // the first run was limited to.
  driver::RunOptions Again = Opts;
  Again.Progress = nullptr;
  Again.Paths = Written;
  std::map<std::string, std::set<unsigned>> Only;
  for (const std::string &F : Written)
    Only[F] = Opts.OnlyFiles && Opts.OnlyFiles->count(F)
                  ? Opts.OnlyFiles->at(F)
                  : std::set<unsigned>{0};
  Again.OnlyFiles = std::move(Only);
  driver::RunResult R2 = driver::run(Again);
  std::set<std::string> Redone(Written.begin(), Written.end());
  auto InRedone = [&](const std::string &F) { return Redone.count(F) > 0; };
  llvm::erase_if(R.Findings, [&](const core::Finding &F) {
    return InRedone(F.Where.File);
  });
  llvm::erase_if(R.Diagnostics, [&](const core::Diagnostic &D) {
    return InRedone(D.Where.File);
  });
  llvm::erase_if(
      R.Files, [&](const driver::FileSummary &F) { return InRedone(F.Path); });
  R.Findings.insert(R.Findings.end(), R2.Findings.begin(), R2.Findings.end());
  // The walk's own messages (a path named twice...) were given once.
  for (core::Diagnostic &G : R2.Diagnostics)
    if (InRedone(G.Where.File))
      R.Diagnostics.push_back(std::move(G));
  driver::sortDiagnostics(R.Diagnostics);
  for (driver::FileSummary &F : R2.Files)
    R.Files.push_back(std::move(F));
  driver::sortFindings(R.Findings);
}

void keepFixesWithin(std::vector<core::Finding> &Findings,
                     llvm::StringRef Path) {
  for (core::Finding &F : Findings)
    if (F.TheFix && llvm::any_of(F.TheFix->Edits, [&](const core::Edit &E) {
          return E.Span.File != Path;
        })) {
      F.TheFix.reset();
      F.NoFixReason = "its fix edits another file, which a fix of the "
                      "text from stdin does not write";
    }
}

std::string summary(const FixResult &F, size_t Findings, Mode M,
                    bool FromStdin) {
  auto Count = [](size_t N, const char *Word) {
    return std::to_string(N) + " " + Word + (N == 1 ? "" : "s");
  };
  std::string Where =
      FromStdin ? "the text from stdin" : Count(F.Written.size(), "file");
  std::string S = (M == Mode::Write || FromStdin ? "fixed " : "would fix ") +
                  Count(F.Fixed, "finding") + " in " + Where;
  if (M == Mode::Preview || FromStdin)
    S += "; " + std::to_string(F.left(Findings)) + " left as they are";
  return S;
}

} // namespace verguard::fix
