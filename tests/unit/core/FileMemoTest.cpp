//===- FileMemoTest.cpp ---------------------------------------------------===//
// A file's result is made once while the file is unchanged; outside a run
// each lookup checks the file, inside one (beginFileMemoRun()) the first
// lookup of the run does, and a new run checks again.
#include "core/FileMemo.h"

#include "../TestSupport.h"

#include "llvm/Support/MemoryBuffer.h"

#include <fcntl.h>
#include <sys/stat.h>

using namespace verguard;

namespace {

class FileMemoTest : public test::TempDirTest {
protected:
  core::FileMemo<std::string> Memo;
  unsigned Made = 0;
  std::string get(const std::string &Path) {
    return *Memo.get(Path, /*Cacheable=*/true, [&] {
      ++Made;
      auto B = llvm::MemoryBuffer::getFile(Path);
      return std::make_shared<const std::string>(B ? (*B)->getBuffer().str()
                                                   : "?");
    });
  }
  /// Rewrites Path with Bytes of another size, its time moved on.
  void change(const std::string &Path, llvm::StringRef Bytes, int Seconds) {
    write(llvm::sys::path::filename(Path), Bytes);
    struct timespec T[2];
    clock_gettime(CLOCK_REALTIME, &T[0]);
    T[0].tv_sec += Seconds;
    T[1] = T[0];
    ASSERT_EQ(::utimensat(AT_FDCWD, Path.c_str(), T, 0), 0);
  }
};

TEST_F(FileMemoTest, AChangedFileIsMadeAgainOutsideARunAndInTheNextRun) {
  std::string A = write("a.txt", "one");
  EXPECT_EQ(get(A), "one");
  EXPECT_EQ(get(A), "one");
  EXPECT_EQ(Made, 1u);
  change(A, "two!", 10);
  EXPECT_EQ(get(A), "two!"); // no run: checked each time
  EXPECT_EQ(Made, 2u);

  core::beginFileMemoRun();
  EXPECT_EQ(get(A), "two!"); // checked once in this run
  change(A, "three", 20);
  EXPECT_EQ(get(A), "two!") << "within a run a file is stat()ed once";
  EXPECT_EQ(Made, 2u);
  core::beginFileMemoRun();
  EXPECT_EQ(get(A), "three");
  EXPECT_EQ(Made, 3u);
}

TEST_F(FileMemoTest, NotCacheableIsMadeEachTime) {
  std::string A = write("a.txt", "one");
  core::beginFileMemoRun();
  for (int I = 0; I < 3; ++I)
    Memo.get(A, /*Cacheable=*/false, [&] {
      ++Made;
      return std::make_shared<const std::string>("x");
    });
  EXPECT_EQ(Made, 3u);
}

} // namespace
