//===- PrefilterTest.cpp --------------------------------------------------===//
#include "driver/Prefilter.h"
#include "driver/Literals.h"

#include "core/Profile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "../TestSupport.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <utility>

using namespace verguard;
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

const Prefilter &defaults() {
  static const Prefilter P(BumpLiterals::defaults());
  return P;
}

bool eligible(llvm::StringRef Text, Dialect D) {
  return defaults().look(Text, D).Trigger;
}

TEST(Prefilter, MarkersAfterATriggerAreStillSeen) {
  const Prefilter &P = defaults();
  Sighting S = P.look("// Verguard: ignore[VG001]\nif (b == 6002) x();"
                      "\n' VBScript",
                      Dialect::C);
  EXPECT_TRUE(S.Trigger);
  EXPECT_TRUE(S.Suppression);
  EXPECT_TRUE(S.VBScript);
  Sighting N = P.look("#include \"a.h\"\nint x = 6001; // verguard: ignore\n"
                      "#include <b.h>\n",
                      Dialect::C);
  EXPECT_FALSE(N.Trigger);
  EXPECT_TRUE(N.Suppression);
  EXPECT_FALSE(N.VBScript);
  EXPECT_EQ(N.Includes, (std::vector<size_t>{0, 49}));
}

TEST(Prefilter, ABuildInAnyNotationOfCIsATrigger) {
  for (const char *Code : {"b == 6002",
                           "b < 6003",
                           "b == 0x1772",
                           "b == 0X1773u",
                           "b > 6002UL",
                           "b > 6002ll",
                           "b == 6'002",
                           "b == 013562",
                           "b == 0b1011101110010",
                           "b < 6002.5",
                           "b < 6.0025e3",
                           "b < 6002.f",
                           "v >= 0x17720000",
                           "v >= 393347072",
                           "s == \"6002\"",
                           "s == L\"6.0.6002\"",
                           "wcscmp(v, L\"6.0.6002.24566\")",
                           "s < \"6.0.60025\"",
                           "std::regex(\"6\\\\.0\\\\.600[0-2]\")",
                           "R\"x(6.0.6002)x\"",
                           "c == '\"' ? 6002 : 0",
                           "R\"(/* )\" + 6002"})
    EXPECT_TRUE(eligible(Code, Dialect::C)) << Code;
}

TEST(Prefilter, CommentsNamesAndOtherNumbersAreNotTriggers) {
  for (const char *Code :
       {"b == 6001 // 6002", "/* 6002\n 6003 */ b == 6004", "int x6002 = 1;",
        "Win6002(); U6003;", "b == 16002", "b == 60021", "b == 6004",
        "b == 0x17721", "b == 6'0021", "b == 0x1772'1", "s == \"16002\"",
        "s == \"6.0.600\"", "v >= 0x177400000", "/* \"*/ x = 1; // 6002",
        "c == '/' ? 1 : 2; // 6002",
        "#define PORT 24000 /* a number between the two, alone */",
        "UBR(); Revision r; // no threshold"})
    EXPECT_FALSE(eligible(Code, Dialect::C)) << Code;
}

TEST(Prefilter, ARevisionThresholdCountsWithARevisionSource) {
  EXPECT_TRUE(eligible("if (ubr >= 24000) x();", Dialect::C));
  EXPECT_TRUE(eligible("DWORD UBR; if (u < 20492) x();", Dialect::C));
  EXPECT_FALSE(eligible("if (ubr >= 20490) x();", Dialect::C));
  EXPECT_FALSE(eligible("if (port >= 24000) x();", Dialect::C));
  EXPECT_FALSE(eligible("if (ubr >= 1) x(); // 24000", Dialect::C));
  // Inside another word it is none either; at a word boundary it is.
  EXPECT_FALSE(
      eligible("int e = EC_NOTASUBREGION; int x = 0x5CF3;", Dialect::C));
  EXPECT_FALSE(eligible("int prevision = 24000;", Dialect::C));
  EXPECT_TRUE(
      eligible("if (LOWORD(ffi.dwFileVersionLS) >= 24000) x();", Dialect::C));
  EXPECT_TRUE(eligible("GetFileVersionInfoW(p, 0, n, b); if (r > 24000) x();",
                       Dialect::C));
  EXPECT_TRUE(eligible("if (MY_UBR >= 24000) x();", Dialect::C));
  // A revision source named in a comment is no source.
  EXPECT_FALSE(
      eligible("// Revision History\nif (x >= 24000) y();", Dialect::C));
  EXPECT_FALSE(eligible("<# UBR #>\n$x -ge 24000", Dialect::PowerShell));
  EXPECT_TRUE(eligible("$k.GetValue('UBR') -ge 24000", Dialect::PowerShell));
  EXPECT_TRUE(eligible("' UBR\nIf CLng(Split(v, \".\")(3)) >= 24000 Then"
                       "\nx = GetFileVersion(p)",
                       Dialect::VB));
  // In a string: a number in another notation counts as the whole string
  // ([int]'24e3' is 24000), not as a part of one (a GUID's "-24e3-"); digits
  // run into letters (a hash's "23693b9cd91a") are no threshold.
  EXPECT_TRUE(eligible("$os.Revision -ge [int]'24e3'", Dialect::PowerShell));
  EXPECT_TRUE(
      eligible("$os.Revision -ge [int]\"0x5DC0\"", Dialect::PowerShell));
  EXPECT_FALSE(eligible("$v.Revision | Should -Be 14\n"
                        "$g = '429b96a7-24e3-47de-a93b-f44a346c5ac9'",
                        Dialect::PowerShell));
  EXPECT_FALSE(eligible("$p.VersionInfo.ProductName\n"
                        "$h = \"pwsh-98288ff9-5712-4a14-9a11-23693b9cd91a\"",
                        Dialect::PowerShell));
  EXPECT_TRUE(eligible("$p.VersionInfo.FileVersion -like '6.0.6002.24000*'",
                       Dialect::PowerShell));
  EXPECT_TRUE(eligible("$v = \"Rev24000 build6002\"", Dialect::PowerShell));
  Sighting S = defaults().look("if (x >= 24000) y();", Dialect::C);
  EXPECT_TRUE(S.RevisionNumber);
  EXPECT_FALSE(S.RevisionWord);
  EXPECT_FALSE(S.Trigger);
}

TEST(Prefilter, PowerShellNotationsCommentsAndStrings) {
  for (const char *Code :
       {"$b -eq 6002", "$b -lt 0x1773", "$b -gt 6002L", "$b -lt 6.0025e3",
        "$v -like '6.0.6002*'", "$v -eq \"6.0.6002\"",
        "$v -match '6\\.0\\.600[0-2]'", "Get-X -Build 6.0.6002",
        "$s = @'\n# 6002\n'@", "1..6002 | % { $_ }", "$b -eq 6002#x",
        "$x = 'a#b'; $b -eq 6003"})
    EXPECT_TRUE(eligible(Code, Dialect::PowerShell)) << Code;
  for (const char *Code :
       {"# $b -eq 6002", "<# 6002\n6003 #> $b -eq 1", "$b -eq 16002",
        "$x6002 = 1", "$b -eq 6001 # 6002", "$s = 'x' # 6002"})
    EXPECT_FALSE(eligible(Code, Dialect::PowerShell)) << Code;
}

TEST(Prefilter, VBNotationsCommentsAndStrings) {
  for (const char *Code :
       {"If b = 6002 Then", "If b < &H1773 Then", "If b = &H1772& Then",
        "If b > 6002# Then", "If v = \"6.0.6002\" Then",
        "If InStr(v, \"6.0.6002\") > 0 Then", "x = 1: If b = 6002 Then"})
    EXPECT_TRUE(eligible(Code, Dialect::VB)) << Code;
  for (const char *Code :
       {"' If b = 6002 Then", "Rem b = 6002", "x = 1 ' 6002", "x = 1: Rem 6002",
        "b6002 = 1", "If b = 16002 Then", "If b = &H17721 Then"})
    EXPECT_FALSE(eligible(Code, Dialect::VB)) << Code;
  // In markup, no comment is trusted.
  EXPECT_TRUE(eligible("<!-- 6002 -->", Dialect::Markup));
  EXPECT_TRUE(eligible("<script>' 6002</script>", Dialect::Markup));
}

TEST(Prefilter, EnablementBumpsSeparateEveryBuildBetween) {
  const core::ProfileSet &P = core::builtinProfiles();
  std::vector<const core::Bump *> B{P.findBump("win10-19041-19045")};
  Prefilter F(BumpLiterals::of(P, B));
  EXPECT_TRUE(F.look("b >= 19043", Dialect::C).Trigger);
  EXPECT_FALSE(F.look("b >= 6002", Dialect::C).Trigger);
  // The same revision on both sides: no threshold flips.
  EXPECT_FALSE(F.look("ubr >= 2130", Dialect::C).Trigger);
}

TEST(Prefilter, AUserSourceIsATrigger) {
  const core::ProfileSet &P = core::builtinProfiles();
  std::vector<const core::Bump *> B{P.findBump("sp2-6003")};
  std::vector<core::UserSource> U{{"Get-OsBuild", core::Quantity::Build, ""}};
  Prefilter F(BumpLiterals::of(P, B, U));
  EXPECT_TRUE(F.look("$b = Get-OSBuild", Dialect::PowerShell).Trigger);
  EXPECT_FALSE(F.look("$b = Get-Build", Dialect::PowerShell).Trigger);
}

// The names and markers against plain case-insensitive searches, on texts
// made of them (in any case, before and after a trigger) and filler.
TEST(Prefilter, SeesWhatPlainSearchesSee) {
  const std::vector<std::string> Names = {"6002", "ubr", "revision"};
  const char *Pieces[] = {" 6002 ",
                          " UBR ",
                          " Revision ",
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
  const Prefilter &P = defaults();
  std::mt19937 Rng(7);
  for (int Round = 0; Round < 2000; ++Round) {
    std::string Text;
    for (int K = Rng() % 12; K > 0; --K)
      Text += Pieces[Rng() % std::size(Pieces)];
    Sighting S = P.look(Text, Dialect::C);
    llvm::StringRef T(Text);
    bool Trigger = T.contains(" 6002 ");
    std::vector<size_t> Includes;
    for (size_t At = T.find_insensitive("#include"); !Trigger && At != T.npos;
         At = T.find_insensitive("#include", At + 1))
      Includes.push_back(At);
    EXPECT_EQ(S.Trigger, Trigger) << Text;
    EXPECT_EQ(S.RevisionWord, !Trigger && (T.contains_insensitive("ubr") ||
                                           T.contains_insensitive("revision")))
        << Text;
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
  write(Dir + "/include/d.h", "#include \"d.h\"\n#include <windows.h>\n"
                              "// 6002 in a comment\n");
  // A revision source in one header, a threshold in another: both needed.
  write(Dir + "/include/ubr.h", "DWORD readUbr();\n#include \"d.h\"\n");
  write(Dir + "/include/rev.h", "#define MIN_REV 24000\n");
  Prefilter P(BumpLiterals::defaults());
  // As the driver asks: the file's own literals, then its headers'.
  auto Holds = [&](const char *File, llvm::StringRef Text) {
    Sighting S = P.look(Text, Dialect::C);
    return S.Trigger || P.headerHolds((Dir + "/src/" + File).str(), Text, S);
  };
  for (int Round = 0; Round < 2; ++Round) { // the second from the caches
    EXPECT_TRUE(Holds("a.cpp", "#include \"a.h\"\nint f();\n"));
    EXPECT_FALSE(Holds("d.cpp", "#include \"d.h\"\n#include \"missing.h\"\n"));
    EXPECT_TRUE(Holds("r.cpp", "#include \"ubr.h\"\n#include \"rev.h\"\n"));
    EXPECT_FALSE(Holds("u.cpp", "#include \"ubr.h\"\nint x = 1;\n"));
    EXPECT_TRUE(Holds("v.cpp", "#include \"ubr.h\"\nint x = 24000;\n"));
    EXPECT_FALSE(Holds("w.cpp", "#include \"rev.h\"\nint x = 1;\n"));
  }
  // Entering the cycle through b.h finds c.h as well.
  Prefilter Q(BumpLiterals::defaults());
  std::string B = "#include \"b.h\"\n";
  EXPECT_TRUE(
      Q.headerHolds((Dir + "/src/b.cpp").str(), B, Q.look(B, Dialect::C)));
  llvm::sys::fs::remove_directories(Dir);
}

// Headers are looked up in their directory's listing, with stat()'s answers:
// a symbolic link to a header counts, a directory named like one does not,
// and a name with a directory part is looked up in that directory.
TEST(Prefilter, HeaderLookupAnswersAsStatWould) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("vg-prefilter", Dir));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/src/dir.h"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/include/sub"));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/real"));
  write(Dir + "/real/old.h", "#define OLD_BUILD 6002\n");
  write(Dir + "/include/sub/deep.h", "#define OLD_BUILD 0x1772\n");
  write(Dir + "/src/dir.h/x", "6002\n");
  ASSERT_FALSE(
      llvm::sys::fs::create_link(Dir + "/real/old.h", Dir + "/src/link.h"));
  ASSERT_FALSE(llvm::sys::fs::create_link(Dir + "/real", Dir + "/src/ldir.h"));
  ASSERT_FALSE(
      llvm::sys::fs::create_link(Dir + "/real/none.h", Dir + "/src/dangl.h"));
  Prefilter P(BumpLiterals::defaults());
  auto Holds = [&](llvm::StringRef Text) {
    Sighting S = P.look(Text, Dialect::C);
    return S.Trigger || P.headerHolds((Dir + "/src/f.cpp").str(), Text, S);
  };
  for (int Round = 0; Round < 2; ++Round) { // the second from the listings
    EXPECT_TRUE(Holds("#include \"link.h\"\n"));
    EXPECT_TRUE(Holds("#include \"sub/deep.h\"\n"));
    EXPECT_FALSE(Holds("#include \"ldir.h\"\n"));
    EXPECT_FALSE(Holds("#include \"dir.h\"\n"));
    EXPECT_FALSE(Holds("#include \"dangl.h\"\n"));
    EXPECT_FALSE(Holds("#include \"nodir/old.h\"\n"));
  }
  llvm::sys::fs::remove_directories(Dir);
}

// A GUID's numbers are never a version: 0x1772 (6002) as a part of one is
// not a trigger, in an initializer or in DEFINE_GUID and its kin; the same
// number in another list or call still is.
TEST(Prefilter, GuidPartsAreNotTriggers) {
  Prefilter P(BumpLiterals::defaults());
  auto Trigger = [&](llvm::StringRef Text) {
    return P.look(Text, Dialect::C).Trigger;
  };
  EXPECT_FALSE(Trigger("const GUID G = {0x88753b26L, 0x1772, 0x49bd,\n"
                       "  {0xb2, 0xe7, 0xc, 0x44, 0x5c, 0x78, 0x4b, 0x1}};\n"));
  EXPECT_FALSE(Trigger("const GUID G = {0x00001772, 0x5b24, 0x49bd, {0xb2, "
                       "0xe7, 0xc, 0x44, 0x5c, 0x78, 0x4b, 0x1}};\n"));
  EXPECT_FALSE(Trigger("DEFINE_GUID(CLSID_X, 0x88753b26, 0x1772, 0x49bd, "
                       "0xb2, 0xe7, 0xc, 0x44, 0x5c, 0x78, 0x4b, 0x1);\n"));
  EXPECT_FALSE(Trigger("MIDL_DEFINE_GUID(IID, IID_IX, 0x1772, 0x1, 0x2, 0xb2, "
                       "0xe7, 0xc, 0x44, 0x5c, 0x78, 0x4b, 0x1);\n"));
  EXPECT_FALSE(Trigger("DEFINE_PROPERTYKEY(PKEY_X, 0x1, 0x1772, 0x2, 0xb2, "
                       "0xe7, 0xc, 0x44, 0x5c, 0x78, 0x4b, 0x1, 2);\n"));
  // Not a GUID's shape, or not a GUID's macro: a trigger.
  EXPECT_TRUE(Trigger("static const struct interval t[] = {{ 0x1772, 0x1773 "
                      "}};\n"));
  EXPECT_TRUE(Trigger("SET(X, 0x88753b26, 0x1772, 0x49bd, 0xb2, 0xe7, 0xc, "
                      "0x44, 0x5c, 0x78, 0x4b, 0x1);\n"));
  EXPECT_TRUE(Trigger("const GUID G = {0x1, 0x2, 0x3, {0x4}}; int b = "
                      "0x1772;\n"));
  EXPECT_TRUE(Trigger("int a[] = {0x88753b26, 0x5b24, 0x49bd, {0xb2}, "
                      "0x1772};\n"));
  // A revision threshold inside a GUID, beside a revision source: nothing.
  Sighting S = P.look("DWORD ubr; DEFINE_GUID(G, 0x1, 0x5b24, 0x2, 0xb2, 0xe7, "
                      "0xc, 0x44, 0x5c, 0x78, 0x4b, 0x1);\n",
                      Dialect::C);
  EXPECT_FALSE(S.RevisionNumber);
  EXPECT_TRUE(S.RevisionWord);
}

} // namespace

namespace {
class DirListingsTest : public test::TempDirTest {};

TEST_F(DirListingsTest, AWalkedListingAnswersWithoutLookingAtTheDisk) {
  std::string Sub = (Dir + "/walked").str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(Sub));
  std::string Real = write("walked/real.h", "int x;\n");
  DirListings L;
  // What the walk listed: gone.h (since removed), not real.h.
  L.listed(Sub, {{"gone.h", llvm::sys::fs::file_type::regular_file},
                 {"d", llvm::sys::fs::file_type::directory_file}});
  EXPECT_TRUE(L.isFile(Sub + "/gone.h")) << "the walk's listing, not a stat";
  EXPECT_FALSE(L.isFile(Real));
  EXPECT_FALSE(L.isFile(Sub + "/d"));
  // A directory the walk did not hand over is listed on demand.
  std::string Other = write("other/b.h", "int b;\n");
  EXPECT_TRUE(L.isFile(Other));
  EXPECT_FALSE(L.isFile((Dir + "/other/c.h").str()));
  EXPECT_FALSE(L.isFile((Dir + "/missing/c.h").str()));
}

TEST_F(DirListingsTest, ADirectoryItsListedParentLacksIsNotThereButDotDotIs) {
  std::string Top = write("top/up.h", "int up;\n");
  std::string Sub = (Dir + "/top/sub").str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(Sub));
  std::string TopDir = (Dir + "/top").str();
  DirListings L;
  // The walk's listing of top/, taken before include/ was created: the
  // run answers from it (what the index's racy rule covers).
  L.listed(TopDir, {{"up.h", llvm::sys::fs::file_type::regular_file},
                    {"sub", llvm::sys::fs::file_type::directory_file}});
  write("top/include/late.h", "int late;\n");
  EXPECT_FALSE(L.isFile(TopDir + "/include/late.h"));
  EXPECT_TRUE(L.missing(TopDir + "/include"));
  // "..": in no listing, and there.
  EXPECT_TRUE(L.isFile(Sub + "/../up.h"));
  EXPECT_EQ(L.seen(Sub + "/../up.h"), DirListings::Seen::RegularFile);
  EXPECT_TRUE(L.isFile(TopDir + "/./up.h"));
}
} // namespace
