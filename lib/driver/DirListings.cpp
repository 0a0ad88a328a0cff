//===- DirListings.cpp ----------------------------------------------------===//
#include "driver/DirListings.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

namespace verguard::driver {

void DirListings::Listing::add(llvm::StringRef Name,
                               llvm::sys::fs::file_type T) {
  char Kind = T == llvm::sys::fs::file_type::regular_file     ? 'F'
              : T == llvm::sys::fs::file_type::directory_file ? 'D'
              : T == llvm::sys::fs::file_type::symlink_file ||
                      T == llvm::sys::fs::file_type::type_unknown
                  ? 'S'
                  : 0;
  if (!Kind)
    return;
  Starts.push_back(uint32_t(Names.size()));
  Names += Kind;
  Names.append(Name.data(), Name.size());
  Names += '\0';
}

void DirListings::Listing::sort() {
  llvm::sort(Starts,
             [&](uint32_t A, uint32_t B) { return nameAt(A) < nameAt(B); });
}

char DirListings::Listing::find(llvm::StringRef Name) const {
  auto It = llvm::partition_point(
      Starts, [&](uint32_t At) { return nameAt(At) < Name; });
  return It != Starts.end() && nameAt(*It) == Name ? Names[*It] : 0;
}

void DirListings::listed(llvm::StringRef Dir,
                         llvm::ArrayRef<DirEntry> Entries) {
  Listing New;
  for (const DirEntry &E : Entries)
    New.add(E.Name, E.Type);
  New.sort();
  std::lock_guard<ShortMutex> G(Lock);
  Listings.try_emplace(Dir, std::move(New));
}

const DirListings::Listing *DirListings::taken(llvm::StringRef Dir) {
  std::lock_guard<ShortMutex> G(Lock);
  auto It = Listings.find(Dir);
  return It != Listings.end() ? &It->second : nullptr;
}

DirListings::Seen DirListings::seen(llvm::StringRef Path) {
  const Listing *L = taken(llvm::sys::path::parent_path(Path));
  if (!L || L->State == Listing::Unlistable)
    return Seen::Unknown;
  if (L->State == Listing::Missing)
    return Seen::Absent;
  switch (L->find(llvm::sys::path::filename(Path))) {
  case 'F':
    return Seen::RegularFile;
  case 0:
    return Seen::Absent;
  default: // a directory (a dependency's stamp all the same), or to stat
    return Seen::Unknown;
  }
}

bool DirListings::missing(llvm::StringRef Dir) {
  const Listing *L = taken(Dir);
  return L && L->State == Listing::Missing;
}

bool DirListings::isFile(llvm::StringRef Path) {
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  llvm::StringRef Leaf = llvm::sys::path::filename(Path);
  const Listing *L = taken(Dir);
  if (!L) {
    // A directory its listed parent lacks is not there (the walk lists
    // every directory of the tree; an include/ beside most is missing).
    // "." and ".." are in no listing.
    llvm::StringRef Name = llvm::sys::path::filename(Dir);
    if (const Listing *Up = taken(llvm::sys::path::parent_path(Dir));
        Up && Up->State == Listing::Listed && Name != "." && Name != ".." &&
        !Up->find(Name)) {
      Listing Gone;
      Gone.State = Listing::Missing;
      std::lock_guard<ShortMutex> G(Lock);
      L = &Listings.try_emplace(Dir, std::move(Gone)).first->second;
    }
  }
  if (!L) {
    Listing New;
    std::error_code EC;
    llvm::sys::fs::directory_iterator I(Dir.empty() ? "." : Dir, EC,
                                        /*follow_symlinks=*/false);
    for (llvm::sys::fs::directory_iterator E; !EC && I != E; I.increment(EC))
      New.add(llvm::sys::path::filename(I->path()), I->type());
    New.sort();
    // A directory that is not there holds nothing; one that could not be
    // listed (or whose listing broke off) is asked name by name.
    New.State = !EC ? Listing::Listed
                : EC == std::errc::no_such_file_or_directory ||
                        EC == std::errc::not_a_directory
                    ? Listing::Missing
                    : Listing::Unlistable;
    if (New.State != Listing::Listed) {
      New.Names.clear();
      New.Starts.clear();
    }
    std::lock_guard<ShortMutex> G(Lock);
    L = &Listings.try_emplace(Dir, std::move(New)).first->second;
  }
  switch (L->State) {
  case Listing::Missing:
    return false;
  case Listing::Unlistable:
    return llvm::sys::fs::is_regular_file(Path);
  case Listing::Listed:
    break;
  }
  char Kind = L->find(Leaf);
  return Kind == 'F' || (Kind == 'S' && llvm::sys::fs::is_regular_file(Path));
}

} // namespace verguard::driver
