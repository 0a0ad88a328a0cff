#include "fix/FixApply.h"

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
  std::string Out = fix::applyEdits(
      "a == 6002; b == 6002;",
      {edit(11, 20, "b >= 6002"), edit(0, 9, "A"), edit(5, 9, "X")}, &Deferred);
  EXPECT_EQ(Out, "A; b >= 6002;");
  ASSERT_EQ(Deferred.size(), 1u);
  EXPECT_EQ(Deferred[0].Replacement, "X");
}

TEST(FixApply, KeepsCrlfAndUtf16) {
  EXPECT_EQ(fix::applyEdits("a:\r\nb\r\n", {edit(2, 2, "\n  c:")}),
            "a:\r\n  c:\r\nb\r\n");
  std::string U16 =
      std::string("\xFF\xFE", 2) + std::string("6\0000\0000\0002\0", 8);
  std::string Out = fix::applyEdits(U16, {edit(8, 10, "3")});
  EXPECT_EQ(Out,
            std::string("\xFF\xFE", 2) + std::string("6\0000\0000\0003\0", 8));
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
  EXPECT_FALSE(bool(fix::writeFixedFile(P, "old", "new")));
  EXPECT_EQ((*llvm::MemoryBuffer::getFile(P))->getBuffer(), "new");
  llvm::sys::fs::file_status St;
  llvm::sys::fs::status(P, St);
  EXPECT_EQ(St.permissions(), llvm::sys::fs::perms(0640));
  auto E = fix::writeFixedFile(P, "old", "newer");
  ASSERT_TRUE(bool(E));
  EXPECT_NE(llvm::toString(std::move(E)).find("changed on disk"),
            std::string::npos);
  EXPECT_EQ((*llvm::MemoryBuffer::getFile(P))->getBuffer(), "new");
  llvm::sys::fs::remove_directories(Dir);
}

namespace {
std::string contentOf(const llvm::Twine &P) {
  auto B = llvm::MemoryBuffer::getFile(P);
  return B ? (*B)->getBuffer().str() : "<unreadable>";
}
void writeTo(const llvm::Twine &P, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(P.str(), EC);
  OS << Text;
}
} // namespace

TEST(FixApply, SymlinksAreFollowedHardLinksKept) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("fixapply", Dir));
  std::string T = (Dir + "/t.cpp").str(), L = (Dir + "/l.cpp").str();
  writeTo(T, "old");
  ASSERT_FALSE(llvm::sys::fs::create_link(T, L));
  EXPECT_FALSE(bool(fix::writeFixedFile(L, "old", "new")));
  llvm::sys::fs::file_status St;
  ASSERT_FALSE(llvm::sys::fs::status(L, St, /*follow=*/false));
  EXPECT_EQ(St.type(), llvm::sys::fs::file_type::symlink_file);
  EXPECT_EQ(contentOf(T), "new");
  // Two hard links: one inode, both names see the new text.
  std::string H = (Dir + "/h.cpp").str();
  ASSERT_FALSE(llvm::sys::fs::create_hard_link(T, H));
  EXPECT_FALSE(bool(fix::writeFixedFile(H, "new", "newest, and longer")));
  EXPECT_EQ(contentOf(T), "newest, and longer");
  EXPECT_FALSE(bool(fix::writeFixedFile(T, "newest, and longer", "s")));
  EXPECT_EQ(contentOf(H), "s"); // truncated to the new size
  ASSERT_FALSE(llvm::sys::fs::status(H, St));
  EXPECT_EQ(St.getLinkCount(), 2u);
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End;
       It.increment(EC))
    EXPECT_EQ(llvm::StringRef(It->path()).find(".verguard-"),
              llvm::StringRef::npos)
        << It->path();
  llvm::sys::fs::remove_directories(Dir);
}

TEST(FixApply, ReadOnlyFilesAreRefused) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("fixapply", Dir));
  std::string P = (Dir + "/ro.cpp").str();
  writeTo(P, "old");
  llvm::sys::fs::setPermissions(P, llvm::sys::fs::perms(0444));
  llvm::Error E = fix::writeFixedFile(P, "old", "new");
  ASSERT_TRUE(bool(E));
  std::error_code Code = llvm::errorToErrorCode(std::move(E));
  EXPECT_EQ(Code, std::errc::permission_denied);
  EXPECT_EQ(contentOf(P), "old");
  llvm::sys::fs::remove_directories(Dir);
}

TEST(FixApply, UnifiedDiffHunks) {
  std::string A = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
  std::string B = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n";
  EXPECT_EQ(fix::unifiedDiff("x.txt", A, B),
            "--- a/x.txt\n+++ b/x.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n "
            "4\n-5\n+five\n 6\n 7\n 8\n");
  EXPECT_EQ(fix::unifiedDiff("x.txt", A, A), "");
}

TEST(FixApply, MapsAGuardsRangeThroughTheEdits) {
  // "a == 6002; b == 6002;" with the first guard rewritten to `a >= 6002`
  // (same length) and an entry inserted after the second.
  std::vector<fix::AppliedEdit> Applied;
  std::string Out = fix::applyEdits("a == 6002; b == 6002;",
                                    {edit(2, 4, ">="), edit(20, 20, " x")},
                                    nullptr, &Applied);
  EXPECT_EQ(Out, "a >= 6002; b == 6002 x;");
  ASSERT_EQ(Applied.size(), 2u);
  // The rewritten guard keeps its range.
  EXPECT_EQ(fix::mapRange(Applied, 0, 9), std::make_pair(0u, 9u));
  // A range that ends where an insertion is made grows over it.
  EXPECT_EQ(fix::mapRange(Applied, 11, 20), std::make_pair(11u, 22u));
  // Text after every edit moves by what the edits added.
  EXPECT_EQ(fix::mapRange(Applied, 20, 21), std::make_pair(22u, 23u));

  // A longer replacement inside a guard: its end moves with it; a bound
  // inside the replaced bytes moves to the replacement's start or end.
  Applied.clear();
  Out = fix::applyEdits("if (b == 6002) f();",
                        {edit(4, 13, "(b == 6002 || b == 6003)")}, nullptr,
                        &Applied);
  EXPECT_EQ(Out, "if ((b == 6002 || b == 6003)) f();");
  EXPECT_EQ(fix::mapRange(Applied, 4, 13), std::make_pair(4u, 28u));
  EXPECT_EQ(fix::mapRange(Applied, 9, 13), std::make_pair(4u, 28u));
  EXPECT_EQ(fix::mapRange(Applied, 15, 18), std::make_pair(30u, 33u));
}

TEST(FixApply, MapsRangesInUtf16Bytes) {
  // Edits are in bytes of the file: a UTF-16 replacement takes two bytes a
  // character, and the map must count those, not the UTF-8 text.
  std::string U16 = std::string("\xFF\xFE", 2) + std::string("=\0"
                                                             "=\0"
                                                             "6\0"
                                                             ";\0"
                                                             "x\0",
                                                             10);
  std::vector<fix::AppliedEdit> Applied;
  fix::applyEdits(U16, {edit(2, 6, ">=")}, nullptr, &Applied);
  ASSERT_EQ(Applied.size(), 1u);
  EXPECT_EQ(Applied[0].NewLength, 4u);
  EXPECT_EQ(fix::mapRange(Applied, 8, 12), std::make_pair(8u, 12u));
}
