//===- ReadFileTest.cpp ---------------------------------------------------===//
#include "driver/ReadFile.h"

#include "../TestSupport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <string>

using namespace verguard::driver;

namespace {

class ReadFileTest : public verguard::test::TempDirTest {};

// Sizes around the first read's room (16 KiB, and the file's size + 1).
TEST_F(ReadFileTest, ReadsEveryByteOfFilesOfAnySize) {
  llvm::SmallVector<char, 0> Out;
  for (size_t Size : {size_t(0), size_t(1), size_t(16383), size_t(16384),
                      size_t(16385), size_t(100000), size_t(3 << 20)}) {
    std::string Bytes(Size, '\0');
    for (size_t I = 0; I < Size; ++I)
      Bytes[I] = char(I * 131 + I / 7);
    std::string P = write("f" + std::to_string(Size), Bytes);
    Out.assign(5, 'x'); // what was in the buffer before goes
    ASSERT_FALSE(readFile(P, Out)) << Size;
    EXPECT_EQ(std::string(Out.data(), Out.size()), Bytes) << Size;
  }
}

TEST_F(ReadFileTest, ReportsWhatWentWrongAndLeavesNothing) {
  llvm::SmallVector<char, 0> Out;
  Out.assign(3, 'x');
  llvm::SmallString<256> Missing(Dir);
  llvm::sys::path::append(Missing, "missing.ps1");
  EXPECT_EQ(readFile(Missing, Out), std::errc::no_such_file_or_directory);
  EXPECT_TRUE(Out.empty());
  Out.assign(3, 'x');
  EXPECT_EQ(readFile(Dir, Out), std::errc::is_a_directory);
  EXPECT_TRUE(Out.empty());
}

#ifndef _WIN32
// The walk's stat() stands in for the fstat(): its stamp is the one kept,
// and a file that changed size since is still read whole.
TEST_F(ReadFileTest, AKnownStampSparesTheFstatAndTheBytesAreStillAll) {
  llvm::SmallVector<char, 0> Out;
  std::string P = write("f.ps1", "12345");
  FileStamp Known = FileStamp::of(P);
  write("f.ps1", std::string(40000, 'a')); // grew past the room for 5
  FileStamp Kept;
  ASSERT_FALSE(readFile(P, Out, &Kept, &Known));
  EXPECT_EQ(Out.size(), 40000u);
  EXPECT_EQ(Kept, Known) << "the known stamp, not a new fstat()";
  EXPECT_NE(Kept, FileStamp::of(P)) << "so an index reads it again";
  write("f.ps1", "12");
  ASSERT_FALSE(readFile(P, Out, &Kept, &Known)); // shrank
  EXPECT_EQ(std::string(Out.data(), Out.size()), "12");
  FileStamp None; // Size -1: fstat() it
  ASSERT_FALSE(readFile(P, Out, &Kept, &None));
  EXPECT_EQ(Kept, FileStamp::of(P));
}

// procfs files say they are empty and are not: they are read to the end.
TEST_F(ReadFileTest, AFileThatReportsSizeZeroIsReadToItsEnd) {
  llvm::SmallVector<char, 0> Out;
  ASSERT_FALSE(readFile("/proc/self/status", Out));
  llvm::StringRef Text(Out.data(), Out.size());
  EXPECT_TRUE(Text.starts_with("Name:")) << Text.str();
  // Well past the first lines, and to the last one.
  EXPECT_TRUE(Text.contains("\nVmRSS:")) << Text.str();
  EXPECT_TRUE(Text.ends_with("\n"));
}
#endif

} // namespace
