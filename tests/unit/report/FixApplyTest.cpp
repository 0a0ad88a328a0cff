#include "report/FixApply.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {
core::Edit edit(uint32_t B, uint32_t E, std::string R) {
  core::Edit X;
  X.Span.File = "f";
  X.Span.Begin = B;
  X.Span.End = E;
  X.Replacement = std::move(R);
  return X;
}
} // namespace

TEST(FixApply, AppliesInOrderAndDefersOverlaps) {
  std::vector<core::Edit> Deferred;
  std::string Out = report::applyEdits(
      "a == 6002; b == 6002;", {edit(11, 20, "b >= 6002"), edit(0, 9, "A"),
                                edit(5, 9, "X")},
      &Deferred);
  EXPECT_EQ(Out, "A; b >= 6002;");
  ASSERT_EQ(Deferred.size(), 1u);
  EXPECT_EQ(Deferred[0].Replacement, "X");
}

TEST(FixApply, KeepsCrlfAndUtf16) {
  EXPECT_EQ(report::applyEdits("a:\r\nb\r\n", {edit(2, 2, "\n  c:")}),
            "a:\r\n  c:\r\nb\r\n");
  std::string U16 = std::string("\xFF\xFE", 2) + std::string("6\0000\0000\0002\0", 8);
  std::string Out = report::applyEdits(U16, {edit(8, 10, "3")});
  EXPECT_EQ(Out, std::string("\xFF\xFE", 2) + std::string("6\0000\0000\0003\0", 8));
}

TEST(FixApply, AtomicWriteKeepsPermissionsAndRefusesChangedFiles) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("fixapply", Dir));
  std::string P = (Dir + "/a.cpp").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(P, EC);
    OS << "old";
  }
  llvm::sys::fs::setPermissions(P, llvm::sys::fs::perms(0640));
  EXPECT_FALSE(bool(report::writeFileAtomically(P, "old", "new")));
  EXPECT_EQ((*llvm::MemoryBuffer::getFile(P))->getBuffer(), "new");
  llvm::sys::fs::file_status St;
  llvm::sys::fs::status(P, St);
  EXPECT_EQ(St.permissions(), llvm::sys::fs::perms(0640));
  auto E = report::writeFileAtomically(P, "old", "newer");
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("changed on disk"), std::string::npos);
  EXPECT_EQ((*llvm::MemoryBuffer::getFile(P))->getBuffer(), "new");
  llvm::sys::fs::remove_directories(Dir);
}

TEST(FixApply, UnifiedDiffHunks) {
  std::string A = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
  std::string B = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
  EXPECT_EQ(report::unifiedDiff("x.txt", A, B),
            "--- a/x.txt\n+++ b/x.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  EXPECT_EQ(report::unifiedDiff("x.txt", A, A), "");
}
