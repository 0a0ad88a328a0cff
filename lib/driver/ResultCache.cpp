//===- ResultCache.cpp ----------------------------------------------------===//
#include "driver/ResultCache.h"

#include "core/BuiltinData.h"
#include "cpp/Pch.h"
#include "driver/Driver.h"
#include "report/FindingJson.h"
#include "report/Report.h"
#include "rules/Rule.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>

namespace verguard::driver {

namespace {

constexpr llvm::StringLiteral Magic = "verguard-result 1\n";
/// The hash of a dependency that is no regular file.
constexpr llvm::StringLiteral Special = "special";

/// The build of verguard running: an edited rule changes the results of the
/// same version number, and a rebuilt binary has a new size or time.
std::string buildIdentity() {
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, &Anchor);
  llvm::sys::fs::file_status St;
  std::string Id = Exe;
  if (!llvm::sys::fs::status(Exe, St))
    Id +=
        ":" + std::to_string(St.getSize()) + ":" +
        std::to_string(St.getLastModificationTime().time_since_epoch().count());
  return Id;
}

} // namespace

std::string ResultCache::digest(llvm::StringRef Bytes) {
  llvm::BLAKE3 H;
  H.update(Bytes);
  auto R = H.final<16>();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(R.data(), R.size()), true);
}

ResultCache::ResultCache(std::string Dir, uint64_t MaxBytes)
    : Dir(std::move(Dir)), MaxBytes(MaxBytes) {}

std::string ResultCache::defaultDir() {
  llvm::SmallString<256> P(cpp::pchCacheDir());
  llvm::sys::path::append(P, "results");
  return P.str().str();
}

std::string ResultCache::settingsKey(const RunOptions &Use) {
  static const std::string Build =
      buildIdentity() + "\n" + report::ReportData().ToolVersion + "\n" +
      ResultCache::digest(core::builtinProfilesText()) +
      ResultCache::digest(core::builtinSourcesText());
  return ResultCache::digest(Build + "\n" + settingsText(Use));
}

std::string ResultCache::settingsText(const RunOptions &Use) {
  std::string K;
  llvm::raw_string_ostream OS(K);
  OS << "bumps:";
  for (const core::Bump *B : Use.Check.Bumps)
    OS << " " << B->Id;
  OS << "\nrules:";
  for (const core::RuleInfo *I : rules::allRuleInfos())
    if (Use.Check.enabled(I->Id))
      OS << " " << I->Id;
  OS << "\nseverity:";
  for (const auto &[R, S] : Use.Check.SeverityOverrides)
    OS << " " << R << "=" << core::severityName(S);
  OS << "\nsources:";
  for (const core::UserSource &S : Use.Frontend.Sources)
    OS << " " << S.Name << "/" << unsigned(S.Q) << "/" << S.Language;
  OS << "\nargs:";
  for (const std::string &A : Use.Frontend.ExtraArgs)
    OS << " " << A.size() << ":" << A;
  OS << "\ndb: " << Use.Frontend.CompileDbDir << "\ntriggers:";
  for (const std::string &T : Use.Frontend.Triggers)
    OS << " " << T;
  OS << "\nprefilter " << Use.Prefilter << " bodies " << Use.SkipBodies;
  return K;
}

std::string ResultCache::key(llvm::StringRef Settings, llvm::StringRef Path,
                             llvm::StringRef Bytes) {
  llvm::BLAKE3 H;
  H.update(Settings);
  H.update(llvm::StringRef("\0", 1));
  H.update(Path);
  H.update(llvm::StringRef("\0", 1));
  H.update(Bytes);
  auto R = H.final<32>();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(R.data(), R.size()), true);
}

std::string ResultCache::entryPath(const std::string &Key) const {
  return Dir + "/" + Key.substr(0, 2) + "/" + Key;
}

std::string ResultCache::contentHash(const std::string &Path) {
  {
    std::lock_guard<std::mutex> G(Lock);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  // Only a regular file has bytes to compare: a FIFO or a device would
  // block or differ on every read ("special": such a result is not kept).
  std::string H;
  llvm::sys::fs::file_status St;
  if (llvm::sys::fs::status(Path, St)) {
    H = ""; // not there
  } else if (St.type() != llvm::sys::fs::file_type::regular_file) {
    H = Special;
  } else {
    auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
    H = Buf ? ResultCache::digest((*Buf)->getBuffer()) : "";
  }
  std::lock_guard<std::mutex> G(Lock);
  Hashes[Path] = H;
  return H;
}

std::optional<CachedResult> ResultCache::lookup(const std::string &Key) {
  return read(Key, "");
}

std::optional<CachedResult> ResultCache::lookupChecked(const std::string &Key,
                                                       llvm::StringRef Sum) {
  return read(Key, Sum);
}

std::optional<CachedResult> ResultCache::read(const std::string &Key,
                                              llvm::StringRef WantSum) {
  std::string Path = entryPath(Key);
  auto Buf = llvm::MemoryBuffer::getFile(Path, false, false);
  if (!Buf) {
    ++Misses;
    return std::nullopt;
  }
  // Magic, the checksum of the rest, the rest (JSON).
  llvm::StringRef Text = (*Buf)->getBuffer();
  auto Bad = [&]() -> std::optional<CachedResult> {
    ++Corrupt;
    ++Misses;
    llvm::sys::fs::remove(Path); // replaced once the file is analyzed
    return std::nullopt;
  };
  if (!Text.consume_front(Magic))
    return Bad();
  auto [Sum, Body] = Text.split('\n');
  if (Sum != ResultCache::digest(Body))
    return Bad();
  if (!WantSum.empty() && Sum != WantSum) {
    ++Misses; // rewritten since the stat index named it
    return std::nullopt;
  }
  auto V = llvm::json::parse(Body);
  const llvm::json::Object *O = V ? V->getAsObject() : nullptr;
  if (!O) {
    llvm::consumeError(V.takeError());
    return Bad();
  }
  const llvm::json::Array *Deps = O->getArray("deps");
  const llvm::json::Array *Findings = O->getArray("findings");
  const llvm::json::Array *Diags = O->getArray("diagnostics");
  if (!Deps || !Findings || !Diags)
    return Bad();
  CachedResult R;
  R.Sum = Sum.str();
  for (const llvm::json::Value &D : *Deps) {
    const llvm::json::Array *Pair = D.getAsArray();
    if (!Pair || Pair->size() != 2 || !(*Pair)[0].getAsString() ||
        !(*Pair)[1].getAsString())
      return Bad();
    R.Deps.push_back((*Pair)[0].getAsString()->str());
    if (WantSum.empty() &&
        contentHash(R.Deps.back()) != *(*Pair)[1].getAsString()) {
      ++Misses; // a header changed: analyzed again, the entry replaced
      return std::nullopt;
    }
  }
  for (const llvm::json::Value &F : *Findings) {
    auto X = report::findingFromJson(F, "");
    if (!X) {
      llvm::consumeError(X.takeError());
      return Bad();
    }
    R.Findings.push_back(std::move(*X));
  }
  for (const llvm::json::Value &G : *Diags) {
    auto X = report::diagnosticFromJson(G, "");
    if (!X) {
      llvm::consumeError(X.takeError());
      return Bad();
    }
    R.Diags.push_back(std::move(*X));
  }
  cpp::touchCacheFile(Path); // recently used
  ++Hits;
  return R;
}

std::string ResultCache::store(const std::string &Key, const CachedResult &R,
                               const std::vector<std::string> &Deps) {
  llvm::json::Array DepList, Findings, Diags;
  std::vector<std::string> Sorted = Deps;
  llvm::sort(Sorted);
  Sorted.erase(std::unique(Sorted.begin(), Sorted.end()), Sorted.end());
  for (const std::string &D : Sorted) {
    std::string H = contentHash(D);
    if (H == Special)
      return ""; // a result read from a pipe cannot be checked later
    DepList.push_back(llvm::json::Array{D, std::move(H)});
  }
  for (const core::Finding &F : R.Findings)
    Findings.push_back(report::findingToJson(F, ""));
  for (const core::Diagnostic &G : R.Diags)
    Diags.push_back(report::diagnosticToJson(G, ""));
  std::string Body;
  llvm::raw_string_ostream(Body) << llvm::json::Value(
      llvm::json::Object{{"deps", std::move(DepList)},
                         {"findings", std::move(Findings)},
                         {"diagnostics", std::move(Diags)}});
  std::string Path = entryPath(Key);
  std::string Sub = llvm::sys::path::parent_path(Path).str();
  if (llvm::sys::fs::create_directories(Sub))
    return ""; // no cache (read-only, full): the run goes on without
  std::string Sum = ResultCache::digest(Body);
  // Atomic: a reader sees the old entry, the new one or none.
  if (!cpp::replaceFile(Path, Magic.str() + Sum + "\n" + Body))
    return "";
  ++Stored;
  std::lock_guard<std::mutex> G(Lock);
  Written.insert(Sub);
  return Sum;
}

void ResultCache::prune() {
  std::set<std::string> Subs;
  {
    std::lock_guard<std::mutex> G(Lock);
    Subs.swap(Written);
  }
  uint64_t Share = std::max<uint64_t>(MaxBytes / 256, 1);
  for (const std::string &Sub : Subs) {
    // The newest always stays (it was just written or used).
    std::vector<cpp::CacheFile> Entries = cpp::cacheEntriesNewestFirst(Sub);
    uint64_t Total = 0;
    for (size_t I = 0; I < Entries.size(); ++I) {
      Total += Entries[I].Size;
      if (I > 0 && Total > Share)
        llvm::sys::fs::remove(Entries[I].Path);
    }
  }
}

} // namespace verguard::driver
