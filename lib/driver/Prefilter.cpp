//===- Prefilter.cpp ------------------------------------------------------===//
#include "driver/Prefilter.h"
#include "driver/ReadFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace verguard::driver {

namespace {
// Literals after the triggers, in this order.
enum Special : unsigned { SuppressionLit, IncludeLit, VBScriptLit, NumSpecial };

std::vector<std::string> withSpecials(std::vector<std::string> T) {
  T.erase(std::remove(T.begin(), T.end(), std::string()), T.end());
  T.push_back("verguard: ignore");
  T.push_back("#include");
  T.push_back("vbscript");
  return T;
}
} // namespace

Prefilter::Prefilter(std::vector<std::string> Triggers)
    : Lits(withSpecials(std::move(Triggers))),
      NumTriggers(unsigned(Lits.size() - NumSpecial)) {}

Sighting Prefilter::look(llvm::StringRef Text) const {
  Sighting S;
  // After a trigger the same pass goes on for the markers (until both are
  // seen): a second search for each, byte by byte, cost more than the scan.
  Lits.scan(Text, [&](unsigned I, size_t At) {
    if (I < NumTriggers) {
      S.Trigger = true;
    } else {
      switch (I - NumTriggers) {
      case SuppressionLit:
        S.Suppression = true;
        break;
      case IncludeLit:
        if (!S.Trigger) // looked at only when there is no trigger
          S.Includes.push_back(At);
        break;
      default:
        S.VBScript = true;
        break;
      }
    }
    return !(S.Trigger && S.Suppression && S.VBScript);
  });
  if (S.Trigger)
    S.Includes.clear();
  return S;
}

std::vector<std::string>
Prefilter::quotedIncludes(llvm::StringRef Path, llvm::StringRef Text,
                          const std::vector<size_t> &At) {
  std::vector<std::string> Out;
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  for (size_t A : At) {
    llvm::StringRef Rest = Text.substr(A + 8).ltrim(" \t");
    if (!Rest.consume_front("\""))
      continue;
    llvm::StringRef Name =
        Rest.take_until([](char C) { return C == '"' || C == '\n'; });
    if (Name.empty() || Name.size() == Rest.size())
      continue;
    std::string Key = (Dir + llvm::Twine('\0') + Name).str();
    {
      std::lock_guard<std::mutex> G(Lock);
      auto It = Resolved.find(Key);
      if (It != Resolved.end()) {
        if (!It->second.empty())
          Out.push_back(It->second);
        continue;
      }
    }
    // Next to the file, or in include/ of it or one of 3 parents.
    std::string Found;
    llvm::SmallString<256> D(Dir);
    for (int Up = 0; Up < 4 && !D.empty() && Found.empty(); ++Up) {
      for (const char *Sub : {"", "include"}) {
        llvm::SmallString<256> Cand(D);
        llvm::sys::path::append(Cand, Sub, Name);
        if (llvm::sys::fs::is_regular_file(Cand)) {
          Found = Cand.str().str();
          break;
        }
      }
      D = llvm::sys::path::parent_path(D);
    }
    {
      std::lock_guard<std::mutex> G(Lock);
      Resolved[Key] = Found;
    }
    if (!Found.empty())
      Out.push_back(std::move(Found));
  }
  return Out;
}

bool Prefilter::holds(const std::string &Header,
                      std::vector<std::string> &Visiting) {
  {
    std::lock_guard<std::mutex> G(Lock);
    auto It = Holds.find(Header);
    if (It != Holds.end())
      return It->second;
  }
  if (std::find(Visiting.begin(), Visiting.end(), Header) != Visiting.end() ||
      Visiting.size() > 16)
    return false;
  llvm::SmallVector<char, 0> Bytes;
  if (readFile(Header, Bytes))
    return false;
  llvm::StringRef Text(Bytes.data(), Bytes.size());
  Sighting S = look(Text);
  bool Yes = S.Trigger;
  if (!Yes) {
    Visiting.push_back(Header);
    for (const std::string &H : quotedIncludes(Header, Text, S.Includes))
      if ((Yes = holds(H, Visiting)))
        break;
    Visiting.pop_back();
  }
  // "No" is final only for a header not reached through a cycle still being
  // walked; "yes" always is.
  if (Yes || Visiting.empty()) {
    std::lock_guard<std::mutex> G(Lock);
    Holds[Header] = Yes;
  }
  return Yes;
}

bool Prefilter::headerHolds(llvm::StringRef Path, llvm::StringRef Text,
                            const Sighting &S) {
  std::vector<std::string> Visiting;
  for (const std::string &H : quotedIncludes(Path, Text, S.Includes))
    if (holds(H, Visiting))
      return true;
  return false;
}

} // namespace verguard::driver
