//===- StatIndex.cpp ------------------------------------------------------===//
#include "driver/StatIndex.h"

#include "cpp/Pch.h"
#include "driver/ReadFile.h"
#include "driver/ResultCache.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>

namespace verguard::driver {

namespace {
constexpr llvm::StringLiteral Magic = "verguard-stat-index 1\n";
constexpr unsigned KeepIndexes = 32;

void writeStamp(llvm::raw_ostream &OS, const FileStamp &S) {
  OS << S.Size << ' ' << S.MtimeNs << ' ' << S.CtimeNs << ' ' << S.Inode << ' '
     << S.Type;
}

/// Reads "size mtime ctime inode type " from the front of Line.
bool readStamp(llvm::StringRef &Line, FileStamp &S) {
  auto Next = [&](auto &V) {
    auto [Word, Rest] = Line.split(' ');
    Line = Rest;
    return !Word.getAsInteger(10, V);
  };
  return Next(S.Size) && Next(S.MtimeNs) && Next(S.CtimeNs) && Next(S.Inode) &&
         Next(S.Type);
}
} // namespace

struct StatIndex::Loaded {
  int64_t Time = 0;
  std::vector<std::string> Settings;
  std::vector<std::string> Paths;
  llvm::StringMap<uint32_t> PathIds; // Paths' indexes
  std::vector<FileStamp> Stamps;
  std::unique_ptr<std::atomic<int8_t>[]> State; // 0 unknown, 1 clean, 2 not
  std::vector<std::vector<uint32_t>> DepSets;
  /// Each set's state, as State's: a C# project's thousands of files and
  /// folders are one set of all its files' verdicts.
  std::unique_ptr<std::atomic<int8_t>[]> SetState;
  struct Entry {
    FileStamp Stamp;
    uint32_t Settings = 0;
    IndexVerdict::Kind What = IndexVerdict::Prefiltered;
    uint32_t DepSet = 0;
    std::string Key, Sum;
    bool Walked = false; // seen() by this run's walk with this stamp
  };
  llvm::StringMap<Entry> Files;

  /// Parses an index's text (after its checksum was checked).
  bool parse(llvm::StringRef Body) {
    while (!Body.empty()) {
      auto [Line, Rest] = Body.split('\n');
      Body = Rest;
      // A tag, then (but for an empty dependency set) a space and fields.
      if (Line.empty() || (Line.size() > 1 && Line[1] != ' '))
        return false;
      char Tag = Line[0];
      Line = Line.drop_front(std::min<size_t>(2, Line.size()));
      if (Tag == 'T') {
        if (Line.getAsInteger(10, Time))
          return false;
      } else if (Tag == 'S') {
        Settings.push_back(Line.str());
      } else if (Tag == 'P') {
        FileStamp S;
        if (!readStamp(Line, S) || Line.empty())
          return false;
        PathIds.try_emplace(Line, Paths.size());
        Paths.push_back(Line.str());
        Stamps.push_back(S);
      } else if (Tag == 'D') {
        std::vector<uint32_t> Ids;
        llvm::SmallVector<llvm::StringRef, 16> Words;
        Line.split(Words, ' ', -1, /*KeepEmpty=*/false);
        for (llvm::StringRef W : Words) {
          uint32_t I;
          if (W.getAsInteger(10, I) || I >= Paths.size())
            return false;
          Ids.push_back(I);
        }
        DepSets.push_back(std::move(Ids));
      } else if (Tag == 'F') {
        Entry E;
        unsigned Kind;
        auto Word = [&]() {
          auto [W, R] = Line.split(' ');
          Line = R;
          return W;
        };
        if (!readStamp(Line, E.Stamp) || Word().getAsInteger(10, E.Settings) ||
            E.Settings >= Settings.size() || Word().getAsInteger(10, Kind) ||
            Kind < IndexVerdict::Prefiltered || Kind > IndexVerdict::Cached ||
            Word().getAsInteger(10, E.DepSet) || E.DepSet >= DepSets.size())
          return false;
        E.What = IndexVerdict::Kind(Kind);
        llvm::StringRef Key = Word(), Sum = Word();
        if (Key != "-")
          E.Key = Key.str();
        if (Sum != "-")
          E.Sum = Sum.str();
        if (Line.empty() || (E.What == IndexVerdict::Cached && E.Key.empty()))
          return false;
        Files[Line] = std::move(E);
      } else {
        return false;
      }
    }
    State = std::make_unique<std::atomic<int8_t>[]>(Paths.size());
    SetState = std::make_unique<std::atomic<int8_t>[]>(DepSets.size());
    return Time > 0;
  }
};

StatIndex::StatIndex(std::string DirIn, std::string IdIn,
                     std::vector<std::string> TreesIn, bool Background,
                     std::shared_ptr<DirListings> ListingsIn)
    : Dir(std::move(DirIn)), Id(std::move(IdIn)), Trees(std::move(TreesIn)),
      Listings(std::move(ListingsIn)) {
  if (llvm::sys::fs::create_directories(Dir))
    return; // no index (read-only cache): every file is read
  // The new index's time: its temporary file's, from the filesystem's clock
  // (the one that stamps the files), before anything is read.
  TempPath = Dir + "/" + Id + ".tmp" +
             std::to_string(llvm::sys::Process::getProcessId()) + "-" +
             std::to_string(llvm::get_threadid());
  TempFD =
      ::open(TempPath.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  struct stat St;
  if (TempFD >= 0 && ::fstat(TempFD, &St) == 0) {
    FileStamp Own = FileStamp::of(St);
    Time = std::max(Own.MtimeNs, Own.CtimeNs);
    Body = "T " + std::to_string(Time) + "\n";
  }
  auto Load = [Path = Dir + "/" + Id]() -> std::unique_ptr<Loaded> {
    llvm::SmallVector<char, 0> Bytes;
    if (readFile(Path, Bytes))
      return nullptr;
    llvm::StringRef Text(Bytes.data(), Bytes.size());
    auto L = std::make_unique<Loaded>();
    if (!Text.consume_front(Magic))
      return nullptr;
    auto [Sum, Body] = Text.split('\n');
    if (Sum != ResultCache::digest(Body) || !L->parse(Body))
      return nullptr;
    return L;
  };
  if (Background)
    Loading = std::async(std::launch::async, std::move(Load));
  else
    Old = Load();
}

StatIndex::~StatIndex() {
  if (Loading.valid())
    Loading.wait();
  dropTemporary();
}

void StatIndex::dropTemporary() {
  if (TempFD < 0)
    return;
  ::close(TempFD);
  ::unlink(TempPath.c_str());
  TempFD = -1;
}

void StatIndex::ready() {
  std::call_once(LoadOnce, [&] {
    if (Loading.valid())
      Old = Loading.get();
    std::lock_guard<ShortMutex> G(WalkLock);
    Ready = true;
    for (const auto &[Path, Now] : Early)
      see(Path, Now);
    Early.clear();
  });
}

bool StatIndex::racy(const FileStamp &S, int64_t At) const {
  return S.Size >= 0 && (S.MtimeNs >= At || S.CtimeNs >= At);
}

bool StatIndex::clean(uint32_t I) {
  int8_t St = Old->State[I].load(std::memory_order_relaxed);
  if (!St) {
    FileStamp Now = FileStamp::of(Old->Paths[I]);
    St = Now == Old->Stamps[I] && !racy(Now, Old->Time) ? 1 : 2;
    Old->State[I].store(St, std::memory_order_relaxed);
  }
  return St == 1;
}

void StatIndex::seen(llvm::StringRef Path, const FileStamp &Now) {
  if (Now.Size < 0)
    return;
  std::lock_guard<ShortMutex> G(WalkLock); // record() reads them
  if (Ready)
    see(Path, Now);
  else // the old index is still loading: the walk goes on
    Early.emplace_back(Path.str(), Now);
}

void StatIndex::see(llvm::StringRef Path, const FileStamp &Now) {
  // Kept for save(): in the old index if it has this stamp there (a
  // re-audit's files, without a copy of each path), else here.
  auto F =
      Old ? Old->Files.find(Path) : llvm::StringMap<Loaded::Entry>::iterator();
  if (Old && F != Old->Files.end() && F->second.Stamp == Now)
    F->second.Walked = true;
  else
    Walked[Path] = Now;
  if (!Old)
    return;
  auto It = Old->PathIds.find(Path);
  if (It == Old->PathIds.end())
    return;
  uint32_t I = It->second;
  int8_t St = Now == Old->Stamps[I] && !racy(Now, Old->Time) ? 1 : 2;
  int8_t Unknown = 0; // a worker may have stat()ed it meanwhile
  Old->State[I].compare_exchange_strong(Unknown, St, std::memory_order_relaxed);
}

std::optional<IndexVerdict> StatIndex::reuse(llvm::StringRef Path,
                                             llvm::StringRef SettingsKey,
                                             const FileStamp &Seen) {
  ready();
  if (!Old || !Time)
    return std::nullopt;
  auto It = Old->Files.find(Path);
  if (It == Old->Files.end())
    return std::nullopt;
  const Loaded::Entry &E = It->second;
  if (Old->Settings[E.Settings] != SettingsKey)
    return std::nullopt;
  FileStamp Now = Seen.Size >= 0 ? Seen : FileStamp::of(Path);
  if (Now != E.Stamp)
    return std::nullopt;
  if (racy(Now, Old->Time)) {
    // Counted once, though a postponed file is looked up again.
    std::lock_guard<std::mutex> G(Lock);
    if (RacyPaths.insert(Path).second)
      ++Racy;
    return std::nullopt;
  }
  std::atomic<int8_t> &SetSt = Old->SetState[E.DepSet];
  int8_t St = SetSt.load(std::memory_order_relaxed);
  if (!St) {
    St = llvm::all_of(Old->DepSets[E.DepSet],
                      [&](uint32_t D) { return clean(D); })
             ? 1
             : 2;
    SetSt.store(St, std::memory_order_relaxed);
  }
  if (St != 1)
    return std::nullopt;
  IndexVerdict V;
  V.What = E.What;
  V.Key = E.Key;
  V.Sum = E.Sum;
  ++Reused;
  std::lock_guard<std::mutex> G(Lock);
  Kept.push_back(&*It);
  return V;
}

FileStamp StatIndex::walked(llvm::StringRef Path) {
  ready();
  std::lock_guard<ShortMutex> G(WalkLock);
  if (auto W = Walked.find(Path); W != Walked.end())
    return W->second;
  if (Old)
    if (auto F = Old->Files.find(Path);
        F != Old->Files.end() && F->second.Walked)
      return F->second.Stamp;
  return {};
}

const std::pair<std::string, FileStamp> &
StatIndex::resolve(const std::string &D) {
  {
    std::lock_guard<ShortMutex> G(ResolveLock);
    if (auto It = Resolved.find(D); It != Resolved.end())
      return It->second;
  }
  // Another thread may resolve D meanwhile: the same answer, twice.
  auto DirStamp = [&](llvm::StringRef P) {
    {
      std::lock_guard<ShortMutex> G(ResolveLock);
      if (auto It = Dirs.find(P); It != Dirs.end())
        return It->second;
    }
    FileStamp S = FileStamp::of(P);
    std::lock_guard<ShortMutex> G(ResolveLock);
    return Dirs.try_emplace(P, S).first->second;
  };
  std::pair<std::string, FileStamp> R;
  // A file of the walk has its stamp; one its directory's listing lacks, or
  // in a directory that is not there, is absent without a stat(). (A stat()
  // of each of a tree's ten thousand candidate paths of missing headers
  // was a tenth of a cold audit.)
  FileStamp S = walked(D);
  if (S.Size < 0 &&
      !(Listings && Listings->seen(D) == DirListings::Seen::Absent) &&
      DirStamp(llvm::sys::path::parent_path(D)).Size >= 0)
    S = FileStamp::of(D);
  if (S.Size >= 0) {
    R = {D, S};
  } else {
    // An absent dependency in the tree (a path where a missing header would
    // be found) is kept as its nearest existing ancestor directory there:
    // creating the file, or the first missing directory on the way to it,
    // changes that directory's stamp. The thousands of candidate paths of a
    // tree's missing headers share a few hundred directories, and a
    // re-audit stats those.
    llvm::StringRef Tree;
    for (const std::string &T : Trees)
      if (llvm::StringRef(D).starts_with(T) && D.size() > T.size() &&
          llvm::sys::path::is_separator(D[T.size()]))
        Tree = T;
    R = {D, S}; // outside the trees: the path itself, absent
    for (llvm::StringRef P = llvm::sys::path::parent_path(D);
         !Tree.empty() && P.size() >= Tree.size();
         P = llvm::sys::path::parent_path(P)) {
      if (Listings && Listings->missing(P))
        continue;
      FileStamp PS = DirStamp(P);
      if (PS.Size >= 0) {
        R = {P.str(), PS};
        break;
      }
    }
  }
  std::lock_guard<ShortMutex> G(ResolveLock);
  return Resolved.try_emplace(D, std::move(R)).first->second;
}

unsigned StatIndex::settingId(llvm::StringRef K) {
  auto [It, Added] = SettingIds.try_emplace(K, SettingIds.size());
  if (Added)
    (Body += "S ") += K, Body += '\n';
  return It->second;
}

unsigned StatIndex::pathId(llvm::StringRef P, const FileStamp &S) {
  auto [It, Added] = PathIds.try_emplace(P, PathIds.size());
  if (Added) {
    llvm::raw_string_ostream OS(Body);
    OS << "P ";
    writeStamp(OS, S);
    OS << " " << P << "\n";
  }
  return It->second;
}

unsigned StatIndex::setId(std::vector<uint32_t> Ids) {
  auto [It, Added] = SetIds.try_emplace(Ids, SetIds.size());
  if (Added) {
    llvm::raw_string_ostream OS(Body);
    OS << "D";
    for (uint32_t I : Ids)
      OS << " " << I;
    OS << "\n";
  }
  return It->second;
}

namespace {
/// A set's ids in order, each once.
void normalize(std::vector<uint32_t> &Ids) {
  llvm::sort(Ids);
  Ids.erase(std::unique(Ids.begin(), Ids.end()), Ids.end());
}

/// An entry's line, but for its set's id: the text before it and after it
/// (made without a lock).
std::pair<std::string, std::string> entryText(llvm::StringRef Path,
                                              const FileStamp &S,
                                              llvm::StringRef Key,
                                              llvm::StringRef Sum) {
  std::pair<std::string, std::string> T;
  llvm::raw_string_ostream Head(T.first), Tail(T.second);
  Head << "F ";
  writeStamp(Head, S);
  Head << " ";
  Tail << " " << (Key.empty() ? "-" : Key) << " " << (Sum.empty() ? "-" : Sum)
       << " " << Path << "\n";
  return T;
}
} // namespace

void StatIndex::entry(const std::pair<std::string, std::string> &Text,
                      unsigned Setting, unsigned Kind, unsigned Set) {
  // F stamp setting kind set key sum path
  llvm::raw_string_ostream OS(Body);
  OS << Text.first << Setting << " " << Kind << " " << Set << Text.second;
}

void StatIndex::record(llvm::StringRef Path, const FileStamp &Stamp,
                       IndexVerdict V) {
  if (!Time || Stamp.Size < 0 || Path.contains('\n') ||
      llvm::any_of(
          V.Deps, [](const std::string &D) { return D.find('\n') != D.npos; }))
    return;
  // Written now, in parallel with the run, not all at its end: the stat()s
  // of the dependencies outside the lock.
  std::vector<const std::pair<std::string, FileStamp> *> Deps;
  Deps.reserve(V.Deps.size());
  for (const std::string &D : V.Deps)
    Deps.push_back(&resolve(D));
  std::vector<SharedIds *> Shs;
  for (const auto &L : V.Shared) {
    if (!L || L->empty())
      continue;
    SharedIds *Sh;
    {
      std::lock_guard<ShortMutex> G(SharedLock);
      std::unique_ptr<SharedIds> &Slot = Shared[L.get()];
      if (!Slot)
        Slot = std::make_unique<SharedIds>();
      Sh = Slot.get();
      if (!Sh->Keep)
        Sh->Keep = L;
    }
    // By the first thread that needs it; another waits for this list only
    // (a C# project's is thousands of paths).
    std::call_once(Sh->Once, [&] {
      for (const std::string &D : *L)
        if (D.find('\n') == D.npos)
          Sh->Resolved.push_back(&resolve(D));
    });
    Shs.push_back(Sh);
  }
  auto Text = entryText(Path, Stamp, V.Key, V.Sum);
  // Two short holds of the lock (the workers meet here for every file):
  // the ids, then the set; the set's ids are put together between them.
  std::unique_lock<ShortMutex> G(WriteLock);
  ++Recorded;
  unsigned S = settingId(V.SettingsKey);
  for (SharedIds *Sh : Shs)
    if (Sh->Ids.empty()) { // final once filled: read without the lock
      for (const auto *R : Sh->Resolved)
        Sh->Ids.push_back(pathId(R->first, R->second));
      normalize(Sh->Ids);
    }
  if (Shs.size() == 1 && Deps.empty()) {
    // One shared list alone (a C# file's verdict): one set for all.
    SharedIds *Sh = Shs.front();
    if (!Sh->Set)
      Sh->Set = setId(Sh->Ids);
    entry(Text, S, V.What, *Sh->Set);
    return;
  }
  std::vector<uint32_t> Ids;
  Ids.reserve(Deps.size());
  for (const auto *R : Deps)
    Ids.push_back(pathId(R->first, R->second));
  G.unlock();
  for (SharedIds *Sh : Shs)
    Ids.insert(Ids.end(), Sh->Ids.begin(), Sh->Ids.end());
  normalize(Ids);
  G.lock();
  entry(Text, S, V.What, setId(std::move(Ids)));
}

void StatIndex::save() {
  if (TempFD < 0 || !Time)
    return;
  ready();
  std::lock_guard<ShortMutex> G(WriteLock);
  if (Old && !Recorded && Kept.size() == Old->Files.size()) {
    dropTemporary(); // the same index: the old one stays
    return;
  }
  for (const void *P : Kept) {
    const auto &KV =
        *static_cast<const llvm::StringMapEntry<Loaded::Entry> *>(P);
    const Loaded::Entry &E = KV.second;
    unsigned S = settingId(Old->Settings[E.Settings]);
    std::vector<uint32_t> Ids;
    for (uint32_t D : Old->DepSets[E.DepSet])
      Ids.push_back(pathId(Old->Paths[D], Old->Stamps[D]));
    normalize(Ids);
    entry(entryText(KV.first(), E.Stamp, E.Key, E.Sum), S, E.What,
          setId(std::move(Ids)));
  }
  std::string Head = (Magic + ResultCache::digest(Body) + "\n").str();
  bool Ok = ::ftruncate(TempFD, 0) == 0;
  for (llvm::StringRef Part : {llvm::StringRef(Head), llvm::StringRef(Body)})
    for (size_t Done = 0; Ok && Done < Part.size();) {
      ssize_t N = ::write(TempFD, Part.data() + Done, Part.size() - Done);
      if (N < 0 && errno == EINTR)
        continue;
      Ok = N > 0;
      Done += Ok ? size_t(N) : 0;
    }
  Ok = ::close(TempFD) == 0 && Ok;
  TempFD = -1;
  // Atomic: a reader sees the old index, the new one or none.
  if (!Ok || llvm::sys::fs::rename(TempPath, Dir + "/" + Id)) {
    ::unlink(TempPath.c_str());
    return;
  }
  // The most recently written indexes stay.
  std::vector<cpp::CacheFile> Indexes = cpp::cacheEntriesNewestFirst(Dir);
  for (size_t I = KeepIndexes; I < Indexes.size(); ++I)
    llvm::sys::fs::remove(Indexes[I].Path);
}

} // namespace verguard::driver
