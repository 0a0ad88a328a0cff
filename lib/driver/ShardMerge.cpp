//===- ShardMerge.cpp -----------------------------------------------------===//
#include "driver/ShardMerge.h"

#include "driver/Merge.h"
#include "report/FindingJson.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

#include <set>

namespace verguard::driver {

namespace {

llvm::Error fail(const llvm::Twine &Where, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                 (Where + ": " + Why).str().c_str());
}

/// The summary object of either format into R.
llvm::Error readSummary(const llvm::json::Object *S, RunResult &R,
                        const core::ProfileSet &Profiles) {
  if (!S)
    return fail("summary", "missing (not a report of this verguard)");
  auto Count = [&](llvm::StringRef K, unsigned &Out) -> llvm::Error {
    auto V = S->getInteger(K);
    if (!V || *V < 0)
      return fail("summary." + K.str(), "missing, or not a count");
    Out = unsigned(*V);
    return llvm::Error::success();
  };
  unsigned Baselined = 0;
  for (auto [K, Out] :
       {std::pair<const char *, unsigned *>{"files", &R.FilesTotal},
        {"filesSkipped", &R.Skipped},
        {"suppressed", &R.Suppressed},
        {"badPaths", &R.BadPaths},
        {"baselined", &Baselined}})
    if (auto E = Count(K, *Out))
      return E;
  if (Baselined)
    return fail("summary.baselined",
                "this report was written with --baseline; run the shards "
                "without it and give --baseline to verguard merge");
  auto Err = S->getBoolean("configError");
  if (!Err)
    return fail("summary.configError", "missing, or not a boolean");
  R.ConfigError = *Err;
  for (const char *K : {"filesByLanguage", "skipped"}) {
    const llvm::json::Object *M = S->getObject(K);
    if (!M)
      return fail(std::string("summary.") + K, "missing, or not an object");
    for (const auto &[Name, N] : *M) {
      auto V = N.getAsInteger();
      if (!V || *V < 0)
        return fail(std::string("summary.") + K + "." + Name.str(),
                    "not a count");
      (K[0] == 'f' ? R.FilesByLanguage : R.SkipReasons)[Name.str()] +=
          unsigned(*V);
    }
  }
  const llvm::json::Array *Bumps = S->getArray("bumps");
  if (!Bumps)
    return fail("summary.bumps", "missing, or not an array");
  for (const llvm::json::Value &B : *Bumps) {
    auto Id = B.getAsString();
    const core::Bump *Found = Id ? Profiles.findBump(*Id) : nullptr;
    if (!Found)
      return fail("summary.bumps",
                  "unknown bump '" + (Id ? Id->str() : "?") + "'");
    R.Bumps.push_back(Found);
  }
  return llvm::Error::success();
}

/// The "verguard" property of a SARIF object, if it has one.
const llvm::json::Value *property(const llvm::json::Value &V) {
  const llvm::json::Object *O = V.getAsObject();
  const llvm::json::Object *P = O ? O->getObject("properties") : nullptr;
  return P ? P->get("verguard") : nullptr;
}

llvm::Error readSarif(const llvm::json::Object &Root, llvm::StringRef SrcRoot,
                      RunResult &R, const core::ProfileSet &Profiles) {
  const llvm::json::Array *Runs = Root.getArray("runs");
  if (!Runs || Runs->size() != 1)
    return fail("runs", "not one run");
  const llvm::json::Value &Run = (*Runs)[0];
  const llvm::json::Value *Summary = property(Run);
  if (auto E =
          readSummary(Summary ? Summary->getAsObject() : nullptr, R, Profiles))
    return E;
  const llvm::json::Array *Results = Run.getAsObject()->getArray("results");
  if (!Results)
    return fail("results", "missing");
  for (size_t I = 0; I < Results->size(); ++I) {
    const llvm::json::Value *V = property((*Results)[I]);
    if (!V)
      return fail("results[" + std::to_string(I) + "]",
                  "no verguard property (not written by this verguard)");
    const llvm::json::Object *O = V->getAsObject();
    if (O && O->get("suppression")) {
      auto S = report::suppressedFromJson(*V, SrcRoot);
      if (!S)
        return fail("results[" + std::to_string(I) + "]",
                    llvm::toString(S.takeError()));
      R.SuppressedFindings.push_back(std::move(*S));
    } else {
      auto F = report::findingFromJson(*V, SrcRoot);
      if (!F)
        return fail("results[" + std::to_string(I) + "]",
                    llvm::toString(F.takeError()));
      R.Findings.push_back(std::move(*F));
    }
  }
  const llvm::json::Object *Sum = Summary->getAsObject();
  if (R.Findings.size() != size_t(Sum->getInteger("findings").value_or(-1)))
    return fail("results", "truncated (written with --sarif-max-results "
                           "below the number of results)");
  const llvm::json::Array *Invocations =
      Run.getAsObject()->getArray("invocations");
  if (Invocations)
    for (const llvm::json::Value &Inv : *Invocations) {
      const llvm::json::Object *IO = Inv.getAsObject();
      const llvm::json::Array *Notes =
          IO ? IO->getArray("toolExecutionNotifications") : nullptr;
      if (!Notes)
        continue;
      for (const llvm::json::Value &N : *Notes)
        if (const llvm::json::Value *V = property(N)) {
          auto G = report::diagnosticFromJson(*V, SrcRoot);
          if (!G)
            return fail("toolExecutionNotifications",
                        llvm::toString(G.takeError()));
          R.Diagnostics.push_back(std::move(*G));
        }
    }
  return llvm::Error::success();
}

llvm::Error readJson(const llvm::json::Object &Root, llvm::StringRef SrcRoot,
                     RunResult &R, const core::ProfileSet &Profiles) {
  if (auto E = readSummary(Root.getObject("summary"), R, Profiles))
    return E;
  auto Each = [&](llvm::StringRef Key, auto Read) -> llvm::Error {
    const llvm::json::Array *A = Root.getArray(Key);
    if (!A)
      return fail(Key, "missing, or not an array");
    for (size_t I = 0; I < A->size(); ++I)
      if (auto E = Read((*A)[I]))
        return fail(Key + "[" + std::to_string(I) + "]",
                    llvm::toString(std::move(E)));
    return llvm::Error::success();
  };
  auto Put = [&](auto X, auto &Into) -> llvm::Error {
    if (!X)
      return X.takeError();
    Into.push_back(std::move(*X));
    return llvm::Error::success();
  };
  if (auto E = Each("findings", [&](const llvm::json::Value &V) {
        return Put(report::findingFromJson(V, SrcRoot), R.Findings);
      }))
    return E;
  if (auto E = Each("suppressedFindings", [&](const llvm::json::Value &V) {
        return Put(report::suppressedFromJson(V, SrcRoot),
                   R.SuppressedFindings);
      }))
    return E;
  return Each("diagnostics", [&](const llvm::json::Value &V) {
    return Put(report::diagnosticFromJson(V, SrcRoot), R.Diagnostics);
  });
}

using FindingKey = std::tuple<std::string, std::string, uint32_t, uint32_t>;
FindingKey keyOf(const core::Finding &F) {
  return {F.RuleId, F.Where.File, F.Where.Begin, F.Where.End};
}

} // namespace

llvm::Expected<RunResult> readReport(llvm::StringRef Path, llvm::StringRef Root,
                                     const core::ProfileSet &Profiles) {
  auto Buf = llvm::MemoryBuffer::getFileOrSTDIN(Path);
  if (!Buf)
    return fail(Path, "cannot read: " + Buf.getError().message());
  auto V = llvm::json::parse((*Buf)->getBuffer());
  if (!V)
    return fail(Path, "not JSON: " + llvm::toString(V.takeError()));
  const llvm::json::Object *O = V->getAsObject();
  if (!O)
    return fail(Path, "not a verguard JSON or SARIF report");
  RunResult R;
  llvm::Error E = O->get("runs") ? readSarif(*O, Root, R, Profiles)
                                 : readJson(*O, Root, R, Profiles);
  if (E)
    return fail(Path, llvm::toString(std::move(E)));
  return R;
}

RunResult mergeRuns(std::vector<RunResult> Shards) {
  RunResult M;
  std::set<FindingKey> Seen, SeenSuppressed;
  for (RunResult &S : Shards) {
    for (core::Finding &F : S.Findings)
      if (Seen.insert(keyOf(F)).second)
        M.Findings.push_back(std::move(F));
    // A header's finding two shards suppressed is one suppressed finding.
    for (core::SuppressedFinding &F : S.SuppressedFindings)
      if (SeenSuppressed.insert(keyOf(F.F)).second)
        M.SuppressedFindings.push_back(std::move(F));
      else
        --S.Suppressed;
    M.Diagnostics.insert(M.Diagnostics.end(), S.Diagnostics.begin(),
                         S.Diagnostics.end());
    M.FilesTotal += S.FilesTotal;
    M.Skipped += S.Skipped;
    M.Suppressed += S.Suppressed;
    for (const auto &[L, N] : S.FilesByLanguage)
      M.FilesByLanguage[L] += N;
    for (const auto &[Why, N] : S.SkipReasons)
      M.SkipReasons[Why] += N;
    for (const core::Bump *B : S.Bumps)
      if (!llvm::is_contained(M.Bumps, B))
        M.Bumps.push_back(B);
    // Every shard walks the whole tree: a path that is not there is
    // reported by each.
    M.BadPaths = std::max(M.BadPaths, S.BadPaths);
    M.ConfigError |= S.ConfigError;
  }
  llvm::sort(M.Bumps); // the order of rules/profiles.yaml
  finishResult(M);
  return M;
}

} // namespace verguard::driver
