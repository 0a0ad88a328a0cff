//===- Merge.cpp ----------------------------------------------------------===//
#include "driver/Merge.h"

#include "llvm/Support/MemoryBuffer.h"

#include <set>

namespace verguard::driver {

void Tally::count(Language Lang, const FileResult &P) {
  ++ByLanguage[size_t(Lang)];
  ++Files;
  Skipped += !P.Parsed;
  Parses += P.Parsed && !P.FromCache;
  CacheHits += P.FromCache;
  ConfigError |= P.ConfigError;
  if (P.SkipReason)
    reason(P.SkipReason, 1);
}

void Tally::reason(const char *R, unsigned N) {
  auto It = llvm::find_if(Reasons, [&](const auto &E) { return E.first == R; });
  if (It == Reasons.end())
    Reasons.push_back({R, N});
  else
    It->second += N;
}

void Tally::add(const Tally &O) {
  for (size_t L = 0; L <= size_t(Language::None); ++L)
    ByLanguage[L] += O.ByLanguage[L];
  Files += O.Files;
  Skipped += O.Skipped;
  Parses += O.Parses;
  CacheHits += O.CacheHits;
  ConfigError |= O.ConfigError;
  for (auto [R, N] : O.Reasons)
    reason(R, N);
}

void Tally::into(RunResult &R) const {
  R.FilesTotal = Files;
  R.Skipped = Skipped;
  R.Parses = Parses;
  R.CacheHits = CacheHits;
  R.ConfigError = ConfigError;
  for (auto [Reason, N] : Reasons)
    R.SkipReasons[Reason] += N;
  for (size_t L = 0; L <= size_t(Language::None); ++L)
    if (ByLanguage[L])
      R.FilesByLanguage[languageName(Language(L))] += ByLanguage[L];
}

void mergeFiles(std::vector<KeptFile> Kept, const RunOptions &Opts,
                RunResult &R) {
  llvm::sort(Kept, [](const KeptFile &A, const KeptFile &B) {
    return A.File->Path < B.File->Path;
  });
  // Suppressions, by file: those the analysis found (every file holding one
  // is kept), and on demand those of other headers whose findings came from
  // a translation unit. Nearly every finding is in the file analyzed: the
  // map by path is built only if some finding is in another.
  llvm::StringMap<std::vector<Suppression> *> SuppressionsOf;
  std::map<std::string, std::vector<Suppression>> HeaderSuppressions;
  for (const KeptFile &K : Kept) {
    if (!SuppressionsOf.empty())
      break;
    for (const core::Finding &F : K.Result->Findings)
      if (F.Where.File != K.File->Path) {
        for (const KeptFile &O : Kept)
          SuppressionsOf[O.File->Path] = &O.Result->Suppressions;
        break;
      }
  }
  auto Suppressed = [&](const core::Finding &F, const KeptFile &K) {
    std::vector<Suppression> *List = nullptr;
    auto It = SuppressionsOf.end();
    if (F.Where.File == K.File->Path) {
      List = &K.Result->Suppressions;
    } else if ((It = SuppressionsOf.find(F.Where.File)) !=
               SuppressionsOf.end()) {
      List = It->second;
    } else {
      auto &H = HeaderSuppressions[F.Where.File];
      auto Buf = llvm::MemoryBuffer::getFile(F.Where.File, false, false);
      if (Buf)
        H = findSuppressions(F.Where.File, (*Buf)->getBuffer(),
                             languageOf(F.Where.File));
      List = SuppressionsOf[F.Where.File] = &H;
    }
    const Suppression *Hit = nullptr;
    for (Suppression &S : *List)
      if (S.covers(F)) {
        S.Used = true;
        if (!Hit)
          Hit = &S;
      }
    return Hit;
  };
  // A header's finding seen from several translation units is reported once.
  std::set<std::tuple<std::string, std::string, uint32_t, uint32_t>> Seen;
  auto OnChangedLine = [&](const core::Finding &F) {
    if (!Opts.ChangedLinesOnly || !Opts.OnlyFiles)
      return true;
    auto It = Opts.OnlyFiles->find(F.Where.File);
    return It != Opts.OnlyFiles->end() &&
           (It->second.count(0) || It->second.count(F.Where.Line));
  };
  size_t NumFindings = R.Findings.size();
  for (const KeptFile &K : Kept)
    NumFindings += K.Result->Findings.size();
  R.Findings.reserve(NumFindings);
  for (const KeptFile &K : Kept) {
    FileResult &P = *K.Result;
    for (core::Finding &F : P.Findings) {
      if (!Seen.insert({F.RuleId, F.Where.File, F.Where.Begin, F.Where.End})
               .second)
        continue;
      if (const Suppression *S = Suppressed(F, K)) {
        R.Suppressed++;
        if (OnChangedLine(F))
          R.SuppressedFindings.push_back(
              {std::move(F), S->Where, S->Justification});
        continue;
      }
      if (OnChangedLine(F))
        R.Findings.push_back(std::move(F));
    }
    R.Diagnostics.insert(R.Diagnostics.end(), P.Diags.begin(), P.Diags.end());
    if (Opts.ListFiles && P.SkipReason)
      R.SkippedFiles[P.SkipReason].push_back(K.File->Path);
    if (!P.Content.empty())
      R.Files.push_back(FileSummary{std::move(K.File->Path), K.File->Lang,
                                    P.Parsed, std::move(P.Content)});
  }
  // Suppressions that suppressed nothing rot: report them (VG100).
  for (const KeptFile &K : Kept)
    if (K.Result->Parsed && K.Result->ReportUnused)
      for (const Suppression &S : K.Result->Suppressions)
        if (!S.Used) {
          core::Finding F = unusedSuppression(S);
          if (OnChangedLine(F))
            R.Findings.push_back(std::move(F));
        }
}

namespace {
/// The order of findings: by file, line, column and rule.
bool before(const core::Finding &A, const core::Finding &B) {
  return std::tie(A.Where.File, A.Where.Line, A.Where.Col, A.RuleId) <
         std::tie(B.Where.File, B.Where.Line, B.Where.Col, B.RuleId);
}
} // namespace

void sortFindings(std::vector<core::Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(), before);
}

void sortDiagnostics(std::vector<core::Diagnostic> &Diags) {
  std::stable_sort(Diags.begin(), Diags.end(),
                   [](const core::Diagnostic &A, const core::Diagnostic &B) {
                     return std::tie(A.Where.File, A.Where.Line) <
                            std::tie(B.Where.File, B.Where.Line);
                   });
}

void finishResult(RunResult &R) {
  sortFindings(R.Findings);
  std::stable_sort(
      R.SuppressedFindings.begin(), R.SuppressedFindings.end(),
      [](const core::SuppressedFinding &A, const core::SuppressedFinding &B) {
        return before(A.F, B.F);
      });
  std::set<std::tuple<std::string, uint32_t, std::string>> SeenD;
  std::vector<core::Diagnostic> Diags;
  for (core::Diagnostic &D : R.Diagnostics)
    if (SeenD.insert({D.Where.File, D.Where.Line, D.Message}).second)
      Diags.push_back(std::move(D));
  sortDiagnostics(Diags);
  R.Diagnostics = std::move(Diags);
}

} // namespace verguard::driver
