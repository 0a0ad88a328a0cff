//===- FileMemo.h - per-file results shared by the files of a run -*- C++
//-*-===//
//
// What one file leaves to the others of its project (a VBA module's summary,
// a PowerShell script's globals) is computed once per run, not once per
// file that reads it: keyed by path and checked against the file's size and
// modification time. Thread-safe; bounded. Within one run (beginRun()) a
// file is stat()ed once: a project's files name the same few files
// thousands of times, and a run reads a tree once.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_FILEMEMO_H
#define VERGUARD_CORE_FILEMEMO_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace verguard::core {

namespace detail {
inline std::atomic<unsigned> FileMemoRun{0}; // 0: no run, stat() each time
} // namespace detail

/// Starts a run: until the next one, a FileMemo trusts what it checked in
/// this run without another stat().
inline void beginFileMemoRun() { ++detail::FileMemoRun; }

template <typename T> class FileMemo {
public:
  using Ptr = std::shared_ptr<const T>;
  /// Make()'s result for Path, remembered while the file's size and time
  /// stay the same. Not Cacheable (the result depends on more than the
  /// file): Make() every time. A file that cannot be stat'ed: Make().
  Ptr get(const std::string &Path, bool Cacheable,
          const std::function<Ptr()> &Make) {
    if (!Cacheable)
      return Make();
    unsigned Run = detail::FileMemoRun.load(std::memory_order_relaxed);
    if (Run) {
      std::lock_guard<std::mutex> G(Lock);
      auto It = Entries.find(Path);
      if (It != Entries.end() && It->second.Run == Run)
        return It->second.Value;
    }
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(Path, St))
      return Make();
    {
      std::lock_guard<std::mutex> G(Lock);
      auto It = Entries.find(Path);
      if (It != Entries.end() && It->second.Size == St.getSize() &&
          It->second.Time == St.getLastModificationTime()) {
        It->second.Run = Run;
        return It->second.Value;
      }
    }
    Ptr V = Make();
    std::lock_guard<std::mutex> G(Lock);
    if (Entries.size() > MaxEntries)
      Entries.clear();
    Entries[Path] = {St.getSize(), St.getLastModificationTime(), Run, V};
    return V;
  }

private:
  static constexpr size_t MaxEntries = 4096;
  struct Entry {
    uint64_t Size;
    llvm::sys::TimePoint<> Time;
    unsigned Run; // checked in this run (0: none)
    Ptr Value;
  };
  std::mutex Lock;
  llvm::StringMap<Entry> Entries;
};

/// Results kept for the rest of a run only (what depends on more than one
/// file: a folder's listing, where a file's imports lead): keyed by a
/// string; forgotten when the next run begins, and not kept outside a run
/// (a test's files change between its calls). Thread-safe.
template <typename T> class RunMemo {
public:
  using Ptr = std::shared_ptr<const T>;
  /// Make()'s result for Key, made once in this run.
  Ptr get(llvm::StringRef Key, llvm::function_ref<Ptr()> Make) {
    unsigned Run = detail::FileMemoRun.load(std::memory_order_relaxed);
    if (!Run)
      return Make();
    {
      std::lock_guard<std::mutex> G(Lock);
      if (KnownRun != Run) {
        Known.clear();
        KnownRun = Run;
      }
      if (auto It = Known.find(Key); It != Known.end())
        return It->second;
    }
    Ptr V = Make(); // another thread may make it meanwhile: the same
    std::lock_guard<std::mutex> G(Lock);
    if (KnownRun == Run)
      Known[Key] = V;
    return V;
  }

private:
  std::mutex Lock;
  llvm::StringMap<Ptr> Known;
  unsigned KnownRun = 0;
};

} // namespace verguard::core

#endif
