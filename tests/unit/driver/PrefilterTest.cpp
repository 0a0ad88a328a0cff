//===- PrefilterTest.cpp --------------------------------------------------===//
#include "driver/Prefilter.h"
#include "driver/Literals.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <utility>

using namespace verguard::driver;

namespace {

using Hits = std::set<std::pair<unsigned, size_t>>;

Hits naive(const std::vector<std::string> &Pats, llvm::StringRef Text) {
  Hits H;
  for (unsigned I = 0; I < Pats.size(); ++I)
    for (size_t At = 0; At + Pats[I].size() <= Text.size(); ++At)
      if (Text.substr(At, Pats[I].size()).equals_insensitive(Pats[I]))
        H.insert({I, At});
  return H;
}

Hits all(const Literals &L, llvm::StringRef Text) {
  Hits H;
  L.scan(Text, [&](unsigned I, size_t At) {
    H.insert({I, At});
    return true;
  });
  return H;
}

const Literals::Kernel Kernels[] = {
    Literals::Kernel::Best, Literals::Kernel::Sse2, Literals::Kernel::Scalar};

// Random text over a small alphabet with the literals planted in random case
// at every offset modulo the block sizes, checked against a naive search.
void agreesWithNaive(const std::vector<std::string> &Pats, unsigned Seed) {
  std::mt19937 Rng(Seed);
  static const char Chars[] = "6023eEvVrRsSiIoOnN#u\"\n \x00\xff\xc3\x80";
  const std::string Alphabet(Chars, sizeof(Chars) - 1); // with the NUL
  for (size_t Len : {0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 34, 35, 63, 64, 65,
                     100, 1000, 4099}) {
    std::string Text;
    for (size_t K = 0; K < Len; ++K)
      Text += Alphabet[Rng() % Alphabet.size()];
    for (int Plant = 0; Plant < 6 && Len; ++Plant) {
      std::string P = Pats[Rng() % Pats.size()];
      for (char &C : P)
        if (Rng() % 2)
          C = llvm::toUpper(C);
      size_t At = Rng() % Len;
      Text.replace(At, std::min(P.size(), Len - At), P.substr(0, Len - At));
    }
    Hits Want = naive(Pats, Text);
    for (Literals::Kernel K : Kernels) {
      Literals L(Pats, K);
      EXPECT_EQ(all(L, Text), Want)
          << "kernel " << int(K) << ", length " << Len << ", seed " << Seed;
    }
  }
}

TEST(Literals, TriggersAgreeWithANaiveSearch) {
  for (unsigned Seed = 1; Seed <= 40; ++Seed)
    agreesWithNaive({"6002", "6003", "ubr", "revision", "versionls",
                     "verguard: ignore", "#include", "vbscript"},
                    Seed);
}

TEST(Literals, ShortLiteralsAndManyBucketsAgreeWithANaiveSearch) {
  // One- and two-byte literals (no Teddy), and more 3-byte prefixes than
  // buckets.
  for (unsigned Seed = 1; Seed <= 20; ++Seed) {
    agreesWithNaive({"v", "6e", "ror", "\"6"}, Seed);
    agreesWithNaive({"600", "602", "603", "ree", "rev", "ver", "vio", "ion",
                     "#ns", "nun", "s6s"},
                    Seed);
  }
}

TEST(Literals, MoreLiteralsThanOnePassHolds) {
  std::vector<std::string> Pats;
  for (unsigned I = 0; I < Literals::MaxLiterals + 7; ++I)
    Pats.push_back("n" + std::to_string(I * 7919 % 1000));
  std::string Text = "x n0 y N47 z n999 " + Pats.back() + " " + Pats[3];
  EXPECT_EQ(all(Literals(Pats), Text), naive(Pats, Text));
  EXPECT_FALSE(naive(Pats, Text).empty());
}

TEST(Literals, StopsWhenTheCallerSaysSo) {
  Literals L({"ab"});
  std::string Text(1000, 'x');
  for (size_t At : {5, 100, 600})
    Text.replace(At, 2, "AB");
  std::vector<size_t> Seen;
  L.scan(Text, [&](unsigned, size_t At) {
    Seen.push_back(At);
    return Seen.size() < 2;
  });
  EXPECT_EQ(Seen, (std::vector<size_t>{5, 100}));
}

TEST(Prefilter, MarkersAfterATriggerAreStillSeen) {
  Prefilter P({"6002", "ubr"});
  Sighting S = P.look("// Verguard: ignore[VG001]\nif (b == 6002) x();"
                      "\n' VBScript");
  EXPECT_TRUE(S.Trigger);
  EXPECT_TRUE(S.Suppression);
  EXPECT_TRUE(S.VBScript);
  Sighting N = P.look("#include \"a.h\"\nint x = 6001; // verguard: ignore\n"
                      "#include <b.h>\n");
  EXPECT_FALSE(N.Trigger);
  EXPECT_TRUE(N.Suppression);
  EXPECT_FALSE(N.VBScript);
  EXPECT_EQ(N.Includes, (std::vector<size_t>{0, 49}));
}

// look() against plain case-insensitive searches, on texts made of
// triggers, markers (in any case, before and after a trigger) and filler.
TEST(Prefilter, SeesWhatPlainSearchesSee) {
  const std::vector<std::string> Triggers = {"6002", "ubr", "revision"};
  const char *Pieces[] = {"6002",
                          "UBR",
                          "Revision",
                          "verguard: ignore",
                          "VERGUARD: Ignore",
                          "vbscript",
                          "VBScript",
                          "#include",
                          "#INCLUDE",
                          "600",
                          "verguard:",
                          "x",
                          "\n",
                          "  "};
  Prefilter P(Triggers);
  std::mt19937 Rng(7);
  for (int Round = 0; Round < 2000; ++Round) {
    std::string Text;
    for (int K = Rng() % 12; K > 0; --K)
      Text += Pieces[Rng() % std::size(Pieces)];
    Sighting S = P.look(Text);
    llvm::StringRef T(Text);
    bool Trigger = llvm::any_of(Triggers, [&](const std::string &G) {
      return T.contains_insensitive(G);
    });
    std::vector<size_t> Includes;
    for (size_t At = T.find_insensitive("#include"); !Trigger && At != T.npos;
         At = T.find_insensitive("#include", At + 1))
      Includes.push_back(At);
    EXPECT_EQ(S.Trigger, Trigger) << Text;
    EXPECT_EQ(S.Suppression, T.contains_insensitive("verguard: ignore"))
        << Text;
    EXPECT_EQ(S.VBScript, T.contains_insensitive("vbscript")) << Text;
    EXPECT_EQ(S.Includes, Includes) << Text;
  }
}

void write(const llvm::Twine &Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path.str(), EC);
  ASSERT_FALSE(EC) << Path.str();
  OS << Text;
}

TEST(Prefilter, ProjectHeadersAreFollowedTransitivelyAndThroughCycles) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-prefilter", Dir));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/include"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/src"));
  // src/a.cpp -> include/a.h -> include/b.h (cycle back to a.h) -> c.h,
  // which holds the trigger; src/d.cpp -> include/d.h, which does not.
  write(Dir + "/include/a.h", "#pragma once\n#include \"b.h\"\n");
  write(Dir + "/include/b.h", "#include \"a.h\"\n#include \"c.h\"\n");
  write(Dir + "/include/c.h", "#define OLD_BUILD 6002\n");
  write(Dir + "/include/d.h", "#include \"d.h\"\n#include <windows.h>\n");
  Prefilter P({"6002"});
  for (int Round = 0; Round < 2; ++Round) { // the second from the caches
    std::string A = "#include \"a.h\"\nint f();\n";
    EXPECT_TRUE(P.headerHolds((Dir + "/src/a.cpp").str(), A, P.look(A)));
    std::string D = "#include \"d.h\"\n#include \"missing.h\"\n";
    EXPECT_FALSE(P.headerHolds((Dir + "/src/d.cpp").str(), D, P.look(D)));
  }
  // Entering the cycle through b.h finds c.h as well.
  Prefilter Q({"6002"});
  std::string B = "#include \"b.h\"\n";
  EXPECT_TRUE(Q.headerHolds((Dir + "/src/b.cpp").str(), B, Q.look(B)));
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
