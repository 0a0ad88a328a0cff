//===- StatIndexTest.cpp --------------------------------------------------===//
// A file with the stat() it had keeps its verdict; a touched file, a racily
// clean one, a changed or newly created dependency, another configuration's
// settings are read again; a corrupt index is ignored and replaced;
// concurrent writers leave one whole index.
#include "driver/StatIndex.h"
#include "driver/ResultCache.h"

#include "../TestSupport.h"

#include "llvm/Support/MemoryBuffer.h"

#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>

using namespace verguard;
using namespace verguard::driver;

namespace {

class StatIndexTest : public test::TempDirTest {
protected:
  std::string indexDir() const { return (Dir + "/index").str(); }
  std::unique_ptr<StatIndex>
  open(bool Background = false,
       std::shared_ptr<DirListings> Listings = nullptr) {
    return std::make_unique<StatIndex>(
        indexDir(), "tree", std::vector<std::string>{Dir.str().str()},
        Background, std::move(Listings));
  }
  /// Sets Path's modification time Seconds in the past, then waits past the
  /// change time that gives it (the filesystem clock ticks coarsely): the
  /// file is then older than any index made after.
  void age(const std::string &Path, int Seconds = 100, bool Wait = true) {
    struct timespec T[2];
    clock_gettime(CLOCK_REALTIME, &T[0]);
    T[0].tv_sec -= Seconds;
    T[1] = T[0];
    ASSERT_EQ(::utimensat(AT_FDCWD, Path.c_str(), T, 0), 0);
    if (Wait)
      settle();
  }
  void settle() { std::this_thread::sleep_for(std::chrono::milliseconds(30)); }
  IndexVerdict verdict(IndexVerdict::Kind K,
                       std::vector<std::string> Deps = {}) {
    IndexVerdict V;
    V.What = K;
    V.SettingsKey = "settings";
    if (K == IndexVerdict::Cached) {
      V.Key = "k0123";
      V.Sum = "s4567";
    }
    V.Deps = std::move(Deps);
    return V;
  }
  /// Records each file (as it is now) with V in a new index, saved.
  void index(const std::vector<std::string> &Files, const IndexVerdict &V) {
    auto I = open();
    for (const std::string &F : Files)
      I->record(F, FileStamp::of(F), V);
    I->save();
    settle();
  }
};

TEST_F(StatIndexTest, AnUnchangedFileKeepsItsVerdict) {
  std::string A = write("a.c", "int a;\n"), B = write("b.ps1", "$x = 1\n");
  age(A);
  age(B);
  {
    auto I = open();
    I->record(A, FileStamp::of(A), verdict(IndexVerdict::Prefiltered));
    I->record(B, FileStamp::of(B), verdict(IndexVerdict::Cached));
    I->save();
  }
  settle();
  // The second round reads the index the first wrote: A and B carried over,
  // C new. C's modification time is not older than either round's index
  // (set ahead, not left to which clock tick the write and the index fall
  // in): racily clean in the second round, whatever the first recorded.
  std::string C = write("c.c", "int c;\n");
  age(C, -3600, /*Wait=*/false);
  for (int Round = 0; Round < 2; ++Round) {
    auto J = open();
    auto VA = J->reuse(A, "settings");
    auto VB = J->reuse(B, "settings");
    ASSERT_TRUE(VA && VB) << Round;
    EXPECT_EQ(VA->What, IndexVerdict::Prefiltered);
    EXPECT_EQ(VB->What, IndexVerdict::Cached);
    EXPECT_EQ(VB->Key, "k0123");
    EXPECT_EQ(VB->Sum, "s4567");
    EXPECT_EQ(J->Reused, 2u);
    // Another configuration's settings: read again.
    EXPECT_FALSE(J->reuse(A, "other settings"));
    // A file the index never saw (then one written just before it).
    EXPECT_FALSE(J->reuse(C, "settings"));
    J->record(C, FileStamp::of(C), verdict(IndexVerdict::Html));
    J->save();
    J.reset();
    settle();
  }
}

TEST_F(StatIndexTest, ATouchedFileIsReadAgain) {
  std::string A = write("a.c", "int a;\n");
  age(A, 200);
  index({A}, verdict(IndexVerdict::Prefiltered));
  ASSERT_TRUE(open()->reuse(A, "settings"));
  // The same size and bytes, a new modification time.
  age(A, 100);
  EXPECT_FALSE(open()->reuse(A, "settings"));
}

// The walk hands over the stat() it made through the directory: that one is
// compared, not another the index would make.
TEST_F(StatIndexTest, TheCallersStatIsTheOneCompared) {
  std::string A = write("a.c", "int a;\n");
  age(A, 200);
  FileStamp Then = FileStamp::of(A);
  index({A}, verdict(IndexVerdict::Prefiltered));
  EXPECT_TRUE(open()->reuse(A, "settings", Then));
  age(A, 100);
  EXPECT_TRUE(open()->reuse(A, "settings", Then)); // as the walk saw it
  EXPECT_FALSE(open()->reuse(A, "settings", FileStamp::of(A)));
  EXPECT_FALSE(open()->reuse(A, "settings"));
}

TEST_F(StatIndexTest, AnEditThatKeepsSizeAndModificationTimeIsReadAgain) {
  std::string A = write("a.c", "int a = 6001;\n");
  age(A);
  struct stat Before;
  ASSERT_EQ(::stat(A.c_str(), &Before), 0);
  index({A}, verdict(IndexVerdict::Prefiltered));
  // Rewritten with as many bytes, its modification time put back (a
  // coarse clock, or `touch -d`): the change time still moved.
  write("a.c", "int a = 6002;\n");
  struct timespec T[2] = {Before.st_atim, Before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, A.c_str(), T, 0), 0);
  EXPECT_FALSE(open()->reuse(A, "settings"));
}

TEST_F(StatIndexTest, ARacilyCleanFileIsReadAgainUntilAnIndexIsNewerThanIt) {
  // Written after the index's time was taken: it could change again within
  // the same clock tick without a new stat().
  auto I = open();
  std::string A = write("a.c", "int a;\n");
  I->record(A, FileStamp::of(A), verdict(IndexVerdict::Prefiltered));
  I->save();
  I.reset();
  settle();
  auto J = open();
  EXPECT_FALSE(J->reuse(A, "settings"));
  EXPECT_EQ(J->Racy, 1u);
  // Read again by this run, older than its index: clean from now on.
  J->record(A, FileStamp::of(A), verdict(IndexVerdict::Prefiltered));
  J->save();
  J.reset();
  settle();
  auto K = open();
  EXPECT_TRUE(K->reuse(A, "settings"));
  EXPECT_EQ(K->Racy, 0u);
}

TEST_F(StatIndexTest, AChangedOrCreatedDependencyIsReadAgain) {
  std::string A = write("src/a.c", "#include \"a.h\"\n");
  std::string H = write("src/a.h", "int h;\n");
  std::string Missing = (Dir + "/include/b.h").str();
  // The missing header is kept as the directory above it, which the index
  // must not touch.
  ASSERT_FALSE(llvm::sys::fs::create_directories(indexDir()));
  age(A);
  age(H);
  age(Dir.str().str());
  index({A}, verdict(IndexVerdict::Prefiltered, {H, Missing}));
  ASSERT_TRUE(open()->reuse(A, "settings"));
  // The header changed.
  write("src/a.h", "int h = 6002;\n");
  EXPECT_FALSE(open()->reuse(A, "settings"));
  age(H);
  index({A}, verdict(IndexVerdict::Prefiltered, {H, Missing}));
  ASSERT_TRUE(open()->reuse(A, "settings"));
  // A header appeared where one was looked for.
  write("include/b.h", "#define B 6002\n");
  EXPECT_FALSE(open()->reuse(A, "settings"));
}

TEST_F(StatIndexTest, TheWalksStatOfADependencyIsTheOneCompared) {
  std::string A = write("src/a.c", "#include \"a.h\"\n");
  std::string H = write("src/a.h", "int h;\n");
  age(A);
  age(H);
  FileStamp Other = FileStamp::of(H);
  Other.MtimeNs -= 1000000000; // what a walk would see of another a.h
  // Writing: the index keeps the stamp the walk saw, with no stat() of its
  // own (a run's dependencies are mostly files of the walk).
  {
    auto I = open();
    I->seen(H, Other);
    I->record(A, FileStamp::of(A), verdict(IndexVerdict::Prefiltered, {H}));
    I->save();
  }
  settle();
  EXPECT_FALSE(open()->reuse(A, "settings"))
      << "the index kept the walk's stamp of a.h, not the file's";
  index({A}, verdict(IndexVerdict::Prefiltered, {H}));
  ASSERT_TRUE(open()->reuse(A, "settings"));
  // Reading: a dependency the walk stamped is compared with that stamp.
  {
    auto I = open();
    I->seen(H, Other);
    EXPECT_FALSE(I->reuse(A, "settings"));
  }
  {
    auto I = open();
    I->seen(H, FileStamp::of(H));
    I->seen(A, FileStamp{}); // no stamp: ignored
    EXPECT_TRUE(I->reuse(A, "settings"));
  }
}

TEST_F(StatIndexTest,
       AnIndexLoadedInTheBackgroundTakesWhatTheWalkSawMeanwhile) {
  std::string A = write("src/a.c", "#include \"a.h\"\n");
  std::string H = write("src/a.h", "int h;\n");
  std::string B = write("src/b.c", "int b;\n");
  age(A);
  age(H);
  age(B);
  index({A, B}, verdict(IndexVerdict::Prefiltered, {H}));
  FileStamp Other = FileStamp::of(H);
  Other.MtimeNs -= 1000000000;
  for (bool Same : {false, true}) {
    auto I = open(/*Background=*/true);
    // The walk reports its stamps before any verdict is asked for (the
    // load may still run): they count once it is there.
    I->seen(A, FileStamp::of(A));
    I->seen(H, Same ? FileStamp::of(H) : Other);
    EXPECT_EQ(I->reuse(A, "settings").has_value(), Same);
    EXPECT_EQ(I->reuse(B, "settings").has_value(), Same);
    if (Same)
      I->save(); // all reused: the index stays as it is
  }
  settle();
  EXPECT_TRUE(open(/*Background=*/true)->reuse(A, "settings"));
}

TEST_F(StatIndexTest, AFileOfTheOldIndexTheWalkSawUnchangedKeepsThatStamp) {
  std::string A = write("src/a.c", "#include \"a.h\"\n");
  std::string H = write("src/a.h", "int h;\n");
  age(A);
  age(H);
  index({A, H}, verdict(IndexVerdict::Prefiltered));
  FileStamp Was = FileStamp::of(H);
  {
    auto I = open();
    I->seen(H, Was); // as in the old index: not copied, taken from there
    write("src/a.h", "int h = 6002;\n");
    age(H);
    I->record(A, FileStamp::of(A), verdict(IndexVerdict::Prefiltered, {H}));
    I->save();
  }
  settle();
  // The dependency's line: "P size mtime ctime inode type path".
  auto Buf = llvm::MemoryBuffer::getFile(indexDir() + "/tree");
  ASSERT_TRUE(Buf);
  llvm::SmallVector<llvm::StringRef, 16> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  std::string Want = "P " + std::to_string(Was.Size) + " ";
  EXPECT_TRUE(llvm::any_of(Lines,
                           [&](llvm::StringRef L) {
                             return L.starts_with(Want) && L.ends_with(" " + H);
                           }))
      << "the index kept the stamp the walk saw (size " << Was.Size
      << "), not a later stat()";
  EXPECT_FALSE(open()->reuse(A, "settings"));
}

TEST_F(StatIndexTest, ACorruptIndexIsIgnoredAndReplaced) {
  std::string A = write("a.c", "int a;\n");
  age(A);
  index({A}, verdict(IndexVerdict::Prefiltered));
  std::string File = indexDir() + "/tree";
  auto Buf = llvm::MemoryBuffer::getFile(File);
  ASSERT_TRUE(Buf);
  std::string Text = (*Buf)->getBuffer().str();
  for (std::string Bad :
       {Text.substr(0, Text.size() / 2),
        Text.substr(0, Text.size() - 3) + "9\n", std::string("garbage")}) {
    {
      std::error_code EC;
      llvm::raw_fd_ostream OS(File, EC);
      OS << Bad;
    }
    auto J = open();
    EXPECT_FALSE(J->reuse(A, "settings"));
    J->record(A, FileStamp::of(A), verdict(IndexVerdict::Prefiltered));
    J->save();
    J.reset();
    settle();
    EXPECT_TRUE(open()->reuse(A, "settings")) << "not replaced";
  }
}

TEST_F(StatIndexTest, ConcurrentWritersLeaveOneWholeIndex) {
  std::vector<std::string> Files;
  for (int I = 0; I < 200; ++I) {
    Files.push_back(write("f" + std::to_string(I) + ".c", "int x;\n"));
    age(Files.back(), 100, /*Wait=*/false);
  }
  settle();
  std::vector<std::thread> Writers;
  for (int W = 0; W < 8; ++W)
    Writers.emplace_back([&] {
      for (int Round = 0; Round < 5; ++Round)
        index(Files, verdict(IndexVerdict::Prefiltered));
    });
  for (std::thread &T : Writers)
    T.join();
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(indexDir(), EC), End;
       !EC && It != End; It.increment(EC))
    EXPECT_EQ(llvm::sys::path::filename(It->path()), "tree")
        << "left behind: " << It->path();
  auto J = open();
  for (const std::string &F : Files)
    EXPECT_TRUE(J->reuse(F, "settings")) << F;
}

} // namespace

TEST_F(StatIndexTest, WorkersRecordingAtOnceWriteOneWholeIndex) {
  // A run's workers record their verdicts while the walk still reports the
  // stamps it took: each entry is written as it comes, with the headers the
  // entries share written once.
  std::vector<std::string> Files, Headers;
  for (int I = 0; I < 4; ++I) {
    Headers.push_back(write("h" + std::to_string(I) + ".h", "int h;\n"));
    age(Headers.back(), 100, /*Wait=*/false);
  }
  for (int I = 0; I < 400; ++I) {
    Files.push_back(write("f" + std::to_string(I) + ".c", "int x;\n"));
    age(Files.back(), 100, /*Wait=*/false);
  }
  settle();
  {
    auto I = open();
    std::thread Walk([&] {
      for (const std::string &F : Files)
        I->seen(F, FileStamp::of(F));
      for (const std::string &H : Headers)
        I->seen(H, FileStamp::of(H));
    });
    std::vector<std::thread> Workers;
    for (int W = 0; W < 4; ++W)
      Workers.emplace_back([&, W] {
        for (size_t F = W; F < Files.size(); F += 4)
          I->record(
              Files[F], FileStamp::of(Files[F]),
              verdict(F % 2 ? IndexVerdict::Cached : IndexVerdict::Prefiltered,
                      {Headers[F % 4], Headers[(F + 1) % 4]}));
      });
    Walk.join();
    for (std::thread &T : Workers)
      T.join();
    I->save();
  }
  settle();
  auto Buf = llvm::MemoryBuffer::getFile(indexDir() + "/tree");
  ASSERT_TRUE(Buf);
  for (const std::string &H : Headers)
    EXPECT_EQ((*Buf)->getBuffer().count(" " + H + "\n"), 1u) << H;
  auto J = open();
  for (size_t F = 0; F < Files.size(); ++F) {
    auto V = J->reuse(Files[F], "settings");
    ASSERT_TRUE(V) << Files[F];
    EXPECT_EQ(V->What,
              F % 2 ? IndexVerdict::Cached : IndexVerdict::Prefiltered);
  }
  // Each verdict depends on its two headers, and only on them.
  write("h1.h", "int h = 6002;\n");
  auto K = open();
  for (size_t F = 0; F < Files.size(); ++F)
    EXPECT_EQ(K->reuse(Files[F], "settings").has_value(),
              F % 4 != 0 && F % 4 != 1)
        << Files[F];
}

TEST_F(StatIndexTest, ASharedDependencyListIsOneSetForAllItsVerdicts) {
  // A C# project's files and folders: every file's verdict depends on all
  // of them, the list resolved once and written once.
  std::vector<std::string> Files;
  for (int I = 0; I < 50; ++I) {
    Files.push_back(
        write("p/d" + std::to_string(I % 5) + "/F" + std::to_string(I) + ".cs",
              "class C {}\n"));
    age(Files.back(), 100, /*Wait=*/false);
  }
  auto Shared = std::make_shared<std::vector<std::string>>(Files);
  for (int D = 0; D < 5; ++D) {
    Shared->push_back((Dir + "/p/d" + std::to_string(D)).str());
    age(Shared->back(), 100, /*Wait=*/false);
  }
  settle();
  {
    auto I = open();
    for (const std::string &F : Files) {
      IndexVerdict V = verdict(IndexVerdict::Prefiltered);
      V.Shared = {Shared};
      I->record(F, FileStamp::of(F), std::move(V));
    }
    I->save();
  }
  settle();
  auto Buf = llvm::MemoryBuffer::getFile(indexDir() + "/tree");
  ASSERT_TRUE(Buf);
  llvm::StringRef Text = (*Buf)->getBuffer();
  EXPECT_EQ(Text.count("\nD "), 1u) << "one set";
  EXPECT_EQ(Text.count(" " + Files[7] + "\n"), 2u) << "its P line, its F line";
  {
    auto J = open();
    for (const std::string &F : Files)
      EXPECT_TRUE(J->reuse(F, "settings")) << F;
  }
  // One file of the project changed: every verdict is read again.
  write("p/d3/F3.cs", "class C { int b = 6002; }\n");
  {
    auto J = open();
    for (const std::string &F : Files)
      EXPECT_FALSE(J->reuse(F, "settings")) << F;
  }
}

TEST_F(StatIndexTest, AFileAddedToASharedFolderInvalidatesItsVerdicts) {
  std::string A = write("p/a/A.cs", "class A {}\n");
  std::string Folder = (Dir + "/p/a").str();
  age(A);
  age(Folder);
  auto Shared = std::make_shared<std::vector<std::string>>(
      std::vector<std::string>{A, Folder});
  IndexVerdict V = verdict(IndexVerdict::Prefiltered);
  V.Shared = {Shared};
  {
    auto I = open();
    I->record(A, FileStamp::of(A), V);
    I->save();
  }
  settle();
  ASSERT_TRUE(open()->reuse(A, "settings"));
  write("p/a/B.cs", "static class Builds { public const int Sp2 = 6002; }\n");
  EXPECT_FALSE(open()->reuse(A, "settings"));
}

/// An absent dependency is kept as its nearest existing directory, with or
/// without the run's listings (which say, without a stat(), that src/b.h and
/// include/sys/ are not there); a directory dependency (a C# project's
/// folder) is kept as itself: a file created in it changes its stamp, not
/// its parent's.
class AbsentDependencyTest : public StatIndexTest,
                             public ::testing::WithParamInterface<bool> {};

TEST_P(AbsentDependencyTest, IsKeptAsItsNearestExistingDirectory) {
  std::string A = write("src/a.c", "#include \"b.h\"\n");
  write("src/sub.d/keep.txt", "");
  // Where b.h would be found: beside a.c, and in a directory not there yet.
  std::string Beside = (Dir + "/src/b.h").str();
  std::string Deep = (Dir + "/include/sys/b.h").str();
  std::string Folder = (Dir + "/src/sub.d").str();
  // Outside the tree (a compile database looked for above it): itself.
  std::string Outside = (Dir + "-elsewhere/compile_commands.json").str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(indexDir()));
  bool First = true;
  auto Fresh = [&] {
    for (const std::string &P : {A, Folder, (Dir + "/src").str(),
                                 (Dir + "/include").str(), Dir.str().str()})
      if (llvm::sys::fs::exists(P))
        age(P, 100, false);
    settle();
    std::shared_ptr<DirListings> Listings;
    if (GetParam()) {
      Listings = std::make_shared<DirListings>();
      bool There = Listings->isFile(Beside) || Listings->isFile(Deep);
      EXPECT_EQ(Listings->seen(Folder), DirListings::Seen::Unknown);
      if (First) {
        EXPECT_FALSE(There);
        EXPECT_EQ(Listings->seen(Beside), DirListings::Seen::Absent);
        EXPECT_EQ(Listings->seen(Deep), DirListings::Seen::Absent);
        EXPECT_TRUE(Listings->missing((Dir + "/include/sys").str()));
      }
    }
    First = false;
    auto I = open(false, Listings);
    I->record(
        A, FileStamp::of(A),
        verdict(IndexVerdict::Prefiltered, {Beside, Deep, Outside, Folder}));
    I->save();
    settle();
  };
  Fresh();
  // The index names the directories, not the absent paths of the tree.
  auto Text = llvm::MemoryBuffer::getFile(indexDir() + "/tree");
  ASSERT_TRUE(Text);
  llvm::StringRef T = (*Text)->getBuffer();
  EXPECT_FALSE(T.contains("b.h"));
  EXPECT_TRUE(T.contains(" " + Outside + "\n"));
  EXPECT_TRUE(T.contains(" " + Folder + "\n"));
  EXPECT_TRUE(T.contains(" " + (Dir + "/src\n").str()));
  EXPECT_TRUE(T.contains(" " + (Dir + "\n").str()));
  // Each change is read again.
  auto Changed = [&](llvm::function_ref<void()> Change) {
    Fresh();
    ASSERT_TRUE(open()->reuse(A, "settings"));
    Change();
    EXPECT_FALSE(open()->reuse(A, "settings"));
  };
  // The first missing directory on the way appears.
  Changed(
      [&] { ASSERT_FALSE(llvm::sys::fs::create_directory(Dir + "/include")); });
  // Then the header, in a directory below it.
  Changed([&] { write("include/sys/b.h", "#define B 6002\n"); });
  // Or beside the file.
  Changed([&] { write("src/b.h", "#define B 6002\n"); });
  // A file in the folder.
  Changed([&] { write("src/sub.d/new.h", "#define B 6002\n"); });
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutTheRunsListings, AbsentDependencyTest,
                         ::testing::Bool());
