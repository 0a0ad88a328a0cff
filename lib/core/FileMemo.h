//===- FileMemo.h - per-file results shared by the files of a run -*- C++
//-*-===//
//
// What one file leaves to the others of its project (a VBA module's summary,
// a PowerShell script's globals) is computed once per run, not once per
// file that reads it: keyed by path and checked against the file's size and
// modification time. Thread-safe; bounded.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_FILEMEMO_H
#define VERGUARD_CORE_FILEMEMO_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace verguard::core {

template <typename T> class FileMemo {
public:
  using Ptr = std::shared_ptr<const T>;
  /// Make()'s result for Path, remembered while the file's size and time
  /// stay the same. Not Cacheable (the result depends on more than the
  /// file): Make() every time. A file that cannot be stat'ed: Make().
  Ptr get(const std::string &Path, bool Cacheable,
          const std::function<Ptr()> &Make) {
    llvm::sys::fs::file_status St;
    if (!Cacheable || llvm::sys::fs::status(Path, St))
      return Make();
    {
      std::lock_guard<std::mutex> G(Lock);
      auto It = Entries.find(Path);
      if (It != Entries.end() && It->second.Size == St.getSize() &&
          It->second.Time == St.getLastModificationTime())
        return It->second.Value;
    }
    Ptr V = Make();
    std::lock_guard<std::mutex> G(Lock);
    if (Entries.size() > MaxEntries)
      Entries.clear();
    Entries[Path] = {St.getSize(), St.getLastModificationTime(), V};
    return V;
  }

private:
  static constexpr size_t MaxEntries = 4096;
  struct Entry {
    uint64_t Size;
    llvm::sys::TimePoint<> Time;
    Ptr Value;
  };
  std::mutex Lock;
  llvm::StringMap<Entry> Entries;
};

} // namespace verguard::core

#endif
