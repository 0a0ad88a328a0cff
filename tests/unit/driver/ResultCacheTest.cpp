//===- ResultCacheTest.cpp ------------------------------------------------===//
// Entries round-trip every field of a finding; a changed dependency, a
// corrupt or truncated entry is a miss (and the corrupt one is removed); the
// least recently used entries go first; concurrent writers and readers never
// see half an entry; settings that change results change the key.
#include "driver/ResultCache.h"
#include "driver/Driver.h"

#include "../TestSupport.h"

#include "llvm/Support/MemoryBuffer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <thread>

using namespace verguard;
using namespace verguard::driver;

namespace {

core::Finding fullFinding(const std::string &File) {
  core::Finding F;
  F.RuleId = "VG001";
  F.Level = core::Severity::Error;
  F.Where = test::spanAt(File, 3, 7, 3, 30, 41, 64);
  F.Message = "`build == 6002` is true on 6.0.6002.24566 and false on ...";
  F.Bump = "sp2-6003";
  F.Guard = "build == 6002";
  F.Function = "IsSp2";
  F.TheFix = core::Fix{"accept build 6003 as well",
                       {{test::spanAt(File, 3, 7, 3, 30, 41, 64), "b >= 6002"},
                        {test::spanAt(File + ".h", 1, 1, 1, 1, 0, 0), "x"}}};
  F.Evaluated = core::Evaluation{"`build == 6002`", true, "true", "false"};
  F.Related = {{test::spanAt(File + ".h", 9, 9, 9, 17, 120, 128),
                "SP2_BUILD is defined here"}};
  return F;
}

void expectSame(const core::Finding &A, const core::Finding &B) {
  EXPECT_EQ(A.RuleId, B.RuleId);
  EXPECT_EQ(A.Level, B.Level);
  for (auto [X, Y] : {std::pair{&A.Where, &B.Where}}) {
    EXPECT_EQ(X->File, Y->File);
    EXPECT_EQ(
        std::tie(X->Begin, X->End, X->Line, X->Col, X->EndLine, X->EndCol),
        std::tie(Y->Begin, Y->End, Y->Line, Y->Col, Y->EndLine, Y->EndCol));
  }
  EXPECT_EQ(A.Message, B.Message);
  EXPECT_EQ(A.Bump, B.Bump);
  EXPECT_EQ(A.Guard, B.Guard);
  EXPECT_EQ(A.Function, B.Function);
  EXPECT_EQ(A.NoFixReason, B.NoFixReason);
  ASSERT_EQ(A.TheFix.has_value(), B.TheFix.has_value());
  if (A.TheFix) {
    EXPECT_EQ(A.TheFix->Description, B.TheFix->Description);
    ASSERT_EQ(A.TheFix->Edits.size(), B.TheFix->Edits.size());
    for (size_t I = 0; I < A.TheFix->Edits.size(); ++I) {
      EXPECT_EQ(A.TheFix->Edits[I], B.TheFix->Edits[I]);
      EXPECT_EQ(A.TheFix->Edits[I].Span.EndCol, B.TheFix->Edits[I].Span.EndCol);
    }
  }
  ASSERT_EQ(A.Evaluated.has_value(), B.Evaluated.has_value());
  if (A.Evaluated) {
    EXPECT_EQ(A.Evaluated->Test, B.Evaluated->Test);
    EXPECT_EQ(A.Evaluated->TestBefore, B.Evaluated->TestBefore);
    EXPECT_EQ(A.Evaluated->OutcomeBefore, B.Evaluated->OutcomeBefore);
    EXPECT_EQ(A.Evaluated->OutcomeAfter, B.Evaluated->OutcomeAfter);
  }
  ASSERT_EQ(A.Related.size(), B.Related.size());
  for (size_t I = 0; I < A.Related.size(); ++I) {
    EXPECT_EQ(A.Related[I].Where, B.Related[I].Where);
    EXPECT_EQ(A.Related[I].Where.Line, B.Related[I].Where.Line);
    EXPECT_EQ(A.Related[I].Message, B.Related[I].Message);
  }
}

class ResultCacheTest : public test::TempDirTest {
protected:
  std::string cacheDir() { return (Dir + "/cache").str(); }
  /// The one entry file under the cache directory.
  std::vector<std::string> entries() {
    std::vector<std::string> Out;
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(cacheDir(), EC), End;
         It != End && !EC; It.increment(EC))
      if (llvm::sys::fs::is_regular_file(It->path()))
        Out.push_back(It->path());
    llvm::sort(Out);
    return Out;
  }
  static std::string keyWithPrefix(char C) {
    return std::string("ab") + std::string(62, C);
  }
};

TEST_F(ResultCacheTest, EveryFieldRoundTrips) {
  std::string Src = write("a.cpp", "int x;\n");
  CachedResult R;
  R.Findings = {fullFinding(Src)};
  core::Finding NoFix = fullFinding(Src);
  NoFix.TheFix.reset();
  NoFix.Evaluated.reset();
  NoFix.Related.clear();
  NoFix.NoFixReason = "no candidate rewrite was proved correct";
  R.Findings.push_back(NoFix);
  core::Diagnostic G;
  G.Level = core::Severity::Warning;
  G.Where = test::spanAt(Src, 2, 4, 2, 9, 10, 15);
  G.Message = "1 parse error";
  core::Diagnostic Whole; // a note on the whole file: no line, no bytes
  Whole.Where.File = Src;
  Whole.Message = "missing header config.h";
  R.Diags = {G, Whole};
  ResultCache C(cacheDir(), 1 << 20);
  std::string K = ResultCache::key("settings", Src, "int x;\n");
  EXPECT_FALSE(C.lookup(K));
  C.store(K, R, {});
  EXPECT_EQ(C.Stored, 1u);
  ResultCache Again(cacheDir(), 1 << 20);
  auto Got = Again.lookup(K);
  ASSERT_TRUE(Got);
  ASSERT_EQ(Got->Findings.size(), 2u);
  expectSame(Got->Findings[0], R.Findings[0]);
  expectSame(Got->Findings[1], R.Findings[1]);
  ASSERT_EQ(Got->Diags.size(), 2u);
  for (size_t I = 0; I < 2; ++I) {
    const core::SourceSpan &X = Got->Diags[I].Where, &Y = R.Diags[I].Where;
    EXPECT_EQ(Got->Diags[I].Level, R.Diags[I].Level);
    EXPECT_EQ(Got->Diags[I].Message, R.Diags[I].Message);
    EXPECT_EQ(
        std::tie(X.File, X.Begin, X.End, X.Line, X.Col, X.EndLine, X.EndCol),
        std::tie(Y.File, Y.Begin, Y.End, Y.Line, Y.Col, Y.EndLine, Y.EndCol));
  }
  EXPECT_EQ(Again.Hits, 1u);
}

TEST_F(ResultCacheTest, AChangedDependencyIsAMiss) {
  std::string H = write("a.h", "#define SP2 6002\n");
  CachedResult R;
  R.Findings = {fullFinding((Dir + "/a.cpp").str())};
  std::string K = ResultCache::key("s", "/a.cpp", "bytes");
  ResultCache(cacheDir(), 1 << 20).store(K, R, {H});
  EXPECT_TRUE(ResultCache(cacheDir(), 1 << 20).lookup(K));
  write("a.h", "#define SP2 6003\n");
  ResultCache C(cacheDir(), 1 << 20);
  EXPECT_FALSE(C.lookup(K));
  EXPECT_EQ(C.Misses, 1u);
  EXPECT_EQ(C.Corrupt, 0u);
  // Gone is a change too.
  write("a.h", "#define SP2 6002\n");
  EXPECT_TRUE(ResultCache(cacheDir(), 1 << 20).lookup(K));
  llvm::sys::fs::remove(H);
  EXPECT_FALSE(ResultCache(cacheDir(), 1 << 20).lookup(K));
}

TEST_F(ResultCacheTest, AResultThatReadAPipeIsNotKept) {
  // A header that is a FIFO (Clang read it once, from a writer now gone):
  // reading it again would block, and its bytes cannot be checked later.
  std::string Fifo = (Dir + "/gate.h").str();
  ASSERT_EQ(mkfifo(Fifo.c_str(), 0600), 0);
  CachedResult R;
  R.Findings = {fullFinding("/p/a.cpp")};
  std::string K = ResultCache::key("s", "/p/a.cpp", "bytes");
  ResultCache C(cacheDir(), 1 << 20);
  C.store(K, R, {Fifo});
  EXPECT_EQ(C.Stored, 0u);
  EXPECT_FALSE(ResultCache(cacheDir(), 1 << 20).lookup(K));
}

TEST_F(ResultCacheTest, ACorruptOrTruncatedEntryIsIgnoredAndRemoved) {
  CachedResult R;
  R.Findings = {fullFinding("/p/a.cpp")};
  std::string K = ResultCache::key("s", "/p/a.cpp", "bytes");
  for (int Damage = 0; Damage < 3; ++Damage) {
    ResultCache(cacheDir(), 1 << 20).store(K, R, {});
    ASSERT_EQ(entries().size(), 1u);
    std::string E = entries()[0];
    auto Buf = llvm::MemoryBuffer::getFile(E);
    ASSERT_TRUE(Buf);
    std::string Text = (*Buf)->getBuffer().str();
    size_t Word = Text.find("is true on");
    ASSERT_NE(Word, std::string::npos);
    if (Damage == 0)
      Text[Word] ^= 0x20; // a flipped bit: "Is", still valid JSON
    else if (Damage == 1)
      Text.resize(Text.size() - 10); // truncated
    else
      Text = "garbage";
    std::error_code EC;
    llvm::raw_fd_ostream(E, EC) << Text;
    ResultCache C(cacheDir(), 1 << 20);
    EXPECT_FALSE(C.lookup(K)) << Damage;
    EXPECT_EQ(C.Corrupt, 1u);
    EXPECT_TRUE(entries().empty()) << "the corrupt entry stays";
  }
}

TEST_F(ResultCacheTest, PrunesTheLeastRecentlyUsedFirst) {
  CachedResult R;
  R.Findings = {fullFinding("/p/a.cpp")};
  ResultCache C(cacheDir(), 1 << 20);
  // Three entries in one subdirectory ("ab"), written long ago in order.
  std::vector<std::string> Keys = {keyWithPrefix('1'), keyWithPrefix('2'),
                                   keyWithPrefix('3')};
  for (const std::string &K : Keys)
    C.store(K, R, {});
  std::vector<std::string> E = entries();
  ASSERT_EQ(E.size(), 3u);
  uint64_t Size;
  ASSERT_FALSE(llvm::sys::fs::file_size(E[0], Size));
  for (size_t I = 0; I < 3; ++I) {
    struct timespec T[2] = {{long(1000 + I), 0}, {long(1000 + I), 0}};
    utimensat(AT_FDCWD, E[I].c_str(), T, 0);
  }
  // The oldest is used now: the second oldest is the least recently used.
  ResultCache User(cacheDir(), 256 * (2 * Size + Size / 2));
  ASSERT_TRUE(User.lookup(Keys[0]));
  User.store(keyWithPrefix('4'), R, {}); // marks "ab" written
  User.prune();
  // Room for two of the same size: the newest ("4") and the one just used.
  EXPECT_EQ(entries(), (std::vector<std::string>{
                           E[0], cacheDir() + "/ab/" + keyWithPrefix('4')}));
}

TEST_F(ResultCacheTest, ConcurrentWritersAndReadersSeeWholeEntries) {
  CachedResult R;
  for (int I = 0; I < 200; ++I)
    R.Findings.push_back(fullFinding("/p/file" + std::to_string(I) + ".cpp"));
  std::string K = ResultCache::key("s", "/p/a.cpp", "bytes");
  std::atomic<unsigned> Hits = 0, Corrupt = 0;
  std::vector<std::thread> Threads;
  for (int T = 0; T < 4; ++T)
    Threads.emplace_back([&] {
      for (int I = 0; I < 25; ++I) {
        ResultCache C(cacheDir(), 1 << 30);
        if (auto Got = C.lookup(K)) {
          EXPECT_EQ(Got->Findings.size(), 200u);
          ++Hits;
        }
        C.store(K, R, {});
        Corrupt += C.Corrupt;
      }
    });
  for (std::thread &T : Threads)
    T.join();
  EXPECT_EQ(Corrupt, 0u);
  EXPECT_GT(Hits, 0u);
  EXPECT_EQ(entries().size(), 1u) << "no temporary file left";
}

TEST_F(ResultCacheTest, SettingsThatChangeFindingsChangeTheKey) {
  RunOptions A;
  std::string Base = ResultCache::settingsKey(A);
  EXPECT_EQ(Base, ResultCache::settingsKey(A));
  RunOptions B = A;
  B.Check.Bumps.push_back(&A.Check.Profiles->Bumps.back());
  EXPECT_NE(Base, ResultCache::settingsKey(B));
  RunOptions C = A;
  C.Check.DisabledRules.insert("VG002");
  EXPECT_NE(Base, ResultCache::settingsKey(C));
  RunOptions D = A;
  D.Check.SeverityOverrides["VG001"] = core::Severity::Note;
  EXPECT_NE(Base, ResultCache::settingsKey(D));
  RunOptions E = A;
  E.Frontend.Sources.push_back({"MyOs::Build", core::Quantity::Build, ""});
  EXPECT_NE(Base, ResultCache::settingsKey(E));
  RunOptions F = A;
  F.Frontend.ExtraArgs = {"-DX=1"};
  EXPECT_NE(Base, ResultCache::settingsKey(F));
  // Not the progress callback or the number of jobs.
  RunOptions G = A;
  G.Jobs = 7;
  EXPECT_EQ(Base, ResultCache::settingsKey(G));
  // The same bytes at another path: another key (findings name the path).
  EXPECT_NE(ResultCache::key(Base, "/a/x.ps1", "b"),
            ResultCache::key(Base, "/b/x.ps1", "b"));
  EXPECT_NE(ResultCache::key(Base, "/a/x.ps1", "b"),
            ResultCache::key(Base, "/a/x.ps1", "c"));
}

} // namespace
