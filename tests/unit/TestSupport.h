//===- TestSupport.h - what several unit tests build alike ------*- C++ -*-===//
#ifndef VERGUARD_TESTS_UNIT_TESTSUPPORT_H
#define VERGUARD_TESTS_UNIT_TESTSUPPORT_H

#include "core/Finding.h"
#include "core/SourceRange.h"
#include "report/Report.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

namespace verguard::test {

/// A span of File from Line:Col to EndLine:EndCol (columns count code
/// points), the bytes [Begin, End).
inline core::SourceSpan spanAt(std::string File, uint32_t Line, uint32_t Col,
                               uint32_t EndLine, uint32_t EndCol,
                               uint32_t Begin = 0, uint32_t End = 1) {
  core::SourceSpan S;
  S.File = std::move(File);
  S.Begin = Begin;
  S.End = End;
  S.Line = Line;
  S.Col = Col;
  S.EndLine = EndLine;
  S.EndCol = EndCol;
  return S;
}

/// Makes Content (which must outlive D) the bytes of every file of D.
inline void serve(report::ReportData &D, const std::string &Content) {
  D.Content = [&Content](llvm::StringRef) -> std::optional<llvm::StringRef> {
    return llvm::StringRef(Content);
  };
}

/// A fixture with a fresh directory (removed after the test) to write
/// files into.
class TempDirTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-test", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  /// Writes Bytes to Name (below Dir, directories created); its path.
  std::string write(llvm::StringRef Name, llvm::StringRef Bytes) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Name);
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(P));
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    EXPECT_FALSE(EC);
    OS << Bytes;
    return P.str().str();
  }

  llvm::SmallString<256> Dir;
};

/// $XDG_CACHE_HOME set to Dir for as long as it lives, then put back.
class ScopedCacheHome {
public:
  explicit ScopedCacheHome(const std::string &Dir) {
    if (const char *Old = getenv("XDG_CACHE_HOME"))
      Saved = Old;
    setenv("XDG_CACHE_HOME", Dir.c_str(), 1);
  }
  ~ScopedCacheHome() {
    if (Saved)
      setenv("XDG_CACHE_HOME", Saved->c_str(), 1);
    else
      unsetenv("XDG_CACHE_HOME");
  }

private:
  std::optional<std::string> Saved;
};

/// Bytes with every proven fix's edits of Findings applied (each edit once),
/// each replacement written by Encode (the file's encoding). Overlap (if
/// given) is set when an edit overlaps another and is left out.
template <typename EncodeFn>
std::string applyFixes(const std::string &Bytes,
                       const std::vector<core::Finding> &Findings,
                       EncodeFn Encode, bool *Overlap = nullptr) {
  std::vector<core::Edit> Edits;
  for (const core::Finding &F : Findings)
    if (F.TheFix)
      for (const core::Edit &E : F.TheFix->Edits)
        if (std::find(Edits.begin(), Edits.end(), E) == Edits.end())
          Edits.push_back(E);
  std::sort(Edits.begin(), Edits.end());
  std::string Out = Bytes;
  uint32_t Last = UINT32_MAX;
  for (auto It = Edits.rbegin(); It != Edits.rend(); ++It) {
    if (It->Span.End > Last) {
      if (Overlap)
        *Overlap = true;
      continue;
    }
    Out.replace(It->Span.Begin, It->Span.End - It->Span.Begin,
                Encode(It->Replacement));
    Last = It->Span.Begin;
  }
  return Out;
}

} // namespace verguard::test

#endif
