//===- CorpusTest.cpp - test-corpus/vbscript through lowerFile ------------===//
//
// The annotation convention of DESIGN.md, checked without the CLI: the line
// before a finding carries `' expect: VG001 ...`; NAME.fixed.<ext> is the
// file after all proven fixes, and fixing it again changes nothing.
//
//===----------------------------------------------------------------------===//
#include "VbTestSupport.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <gtest/gtest.h>

#include <map>

using namespace verguard;

namespace {

std::string corpusDir() {
  return std::string(VERGUARD_SOURCE_DIR) + "/test-corpus/vbscript";
}

std::vector<std::string> corpusFiles() {
  std::vector<std::string> Out;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator I(corpusDir(), EC), E;
       I != E && !EC; I.increment(EC)) {
    llvm::StringRef P = I->path();
    if (I->type() != llvm::sys::fs::file_type::regular_file ||
        P.contains(".fixed.") || P.ends_with(".md"))
      continue;
    Out.push_back(P.str());
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::string readFile(const std::string &P) {
  auto B = llvm::MemoryBuffer::getFile(P, /*IsText=*/false);
  return B ? (*B)->getBuffer().str() : std::string();
}

/// line -> sorted rule ids expected there.
std::map<uint32_t, std::vector<std::string>>
expectations(const script::DecodedText &T) {
  std::map<uint32_t, std::vector<std::string>> Out;
  uint32_t Lines = std::count(T.Utf8.begin(), T.Utf8.end(), '\n') + 1;
  for (uint32_t L = 1; L <= Lines; ++L) {
    llvm::StringRef Line = T.line(L);
    size_t At = Line.find("expect:");
    if (At == llvm::StringRef::npos || Line.take_front(At).count('\'') == 0)
      continue;
    llvm::SmallVector<llvm::StringRef, 4> Ids;
    Line.substr(At + 7).split(Ids, ' ', -1, false);
    for (llvm::StringRef Id : Ids)
      if (Id.trim().starts_with("VG"))
        Out[L + 1].push_back(Id.trim().str());
    std::sort(Out[L + 1].begin(), Out[L + 1].end());
  }
  return Out;
}

std::string fixedPath(llvm::StringRef P) {
  llvm::StringRef Ext = llvm::sys::path::extension(P);
  return (P.drop_back(Ext.size()) + ".fixed" + Ext).str();
}

TEST(VBScriptCorpus, AnnotationsAndFixes) {
  auto Files = corpusFiles();
  ASSERT_FALSE(Files.empty());
  unsigned Fragile = 0, Checked = 0;
  for (const std::string &P : Files) {
    SCOPED_TRACE(P);
    std::string Bytes = readFile(P);
    auto A = vbtest::analyze(P, Bytes);
    std::map<uint32_t, std::vector<std::string>> Got;
    for (const core::Finding &F : A.Findings)
      Got[F.Where.Line].push_back(F.RuleId);
    for (auto &[L, V] : Got)
      std::sort(V.begin(), V.end());
    auto Want = expectations(A.Text);
    for (auto &[L, V] : Want)
      Fragile += V.size();
    for (const auto &[L, V] : Got) {
      auto It = Want.find(L);
      std::string G = llvm::join(V, " ");
      EXPECT_TRUE(It != Want.end() && It->second == V)
          << P << ":" << L << ": unexpected finding(s) " << G;
    }
    for (const auto &[L, V] : Want) {
      auto It = Got.find(L);
      EXPECT_TRUE(It != Got.end() && It->second == V)
          << P << ":" << L << ": expected " << llvm::join(V, " ") << " but got "
          << (It == Got.end() ? std::string("nothing")
                              : llvm::join(It->second, " "));
    }
    for (const core::Diagnostic &D : A.Diags)
      ADD_FAILURE() << "diagnostic: " << D.Message;
    bool HasFix = false;
    for (const core::Finding &F : A.Findings)
      HasFix |= F.TheFix.has_value();
    std::string FP = fixedPath(P);
    bool FixedExists = llvm::sys::fs::exists(FP);
    if (!HasFix) {
      EXPECT_FALSE(FixedExists) << FP << " exists but nothing was fixed";
      continue;
    }
    std::string Fixed = vbtest::applyFixes(Bytes, A);
    EXPECT_TRUE(FixedExists) << "missing " << FP;
    if (FixedExists) {
      EXPECT_EQ(Fixed, readFile(FP)) << "fix of " << P;
    }
    // Fixing again changes nothing, and the fixed file parses as well.
    auto Again = vbtest::analyze(P, Fixed);
    EXPECT_EQ(vbtest::applyFixes(Fixed, Again), Fixed);
    // Only the findings that had no fix remain.
    size_t Unfixable = 0;
    for (const core::Finding &F : A.Findings)
      Unfixable += !F.TheFix;
    EXPECT_EQ(Again.Findings.size(), Unfixable);
    for (const core::Finding &F : Again.Findings)
      EXPECT_FALSE(F.TheFix)
          << "still fragile after the fix: " << F.Where.Line << ":"
          << F.Where.Col << " " << F.RuleId << " " << F.Message;
    EXPECT_TRUE(Again.Diags.empty());
    ++Checked;
  }
  std::cerr << "corpus: " << Files.size() << " files, " << Fragile
            << " expected findings, " << Checked << " fixed files\n";
}

} // namespace
