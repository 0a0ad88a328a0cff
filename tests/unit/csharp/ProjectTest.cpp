//===- ProjectTest.cpp ----------------------------------------------------===//
//
// The project of a .cs file, the index of its type declarations, the
// prefilter's look at other files, and what lowering reads from them.
//
//===----------------------------------------------------------------------===//
#include "csharp/Project.h"

#include "../TestSupport.h"

#include "core/Deadline.h"
#include "core/Guard.h"
#include "csharp/CSharpFrontend.h"
#include "rules/Checker.h"

#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

#include <thread>

using namespace verguard;
using namespace verguard::csharp;

namespace {
using Strings = std::vector<std::string>;

class CSharpProject : public test::TempDirTest {
protected:
  std::string at(llvm::StringRef Rel) {
    llvm::SmallString<256> P(Dir);
    llvm::sys::path::append(P, Rel);
    llvm::SmallString<256> Real;
    llvm::sys::fs::real_path(P, Real);
    return std::string(Real.empty() ? P : Real);
  }
  /// A shared dependency list, sorted.
  static Strings sorted(const std::shared_ptr<const Strings> &D) {
    Strings R = D ? *D : Strings();
    std::sort(R.begin(), R.end());
    return R;
  }
  /// The lowered conditions of File, and in Deps the files it read.
  Strings lower(const std::string &File, Strings *Deps = nullptr,
                Strings *Ids = nullptr) {
    auto Buf = llvm::MemoryBuffer::getFile(File);
    EXPECT_TRUE(bool(Buf));
    auto T = script::decodeText((*Buf)->getBuffer(), File);
    EXPECT_TRUE(bool(T));
    std::vector<core::Guard> Guards;
    std::vector<core::Diagnostic> Diags;
    Strings D;
    lowerFile(File, *T, core::FrontendOptions(), Guards, Diags, &D);
    if (Deps) {
      std::sort(D.begin(), D.end());
      D.erase(std::unique(D.begin(), D.end()), D.end());
      *Deps = D;
    }
    Strings R;
    static const rules::CheckConfig Cfg = rules::defaultCheckConfig();
    for (const core::Guard &G : Guards) {
      if (G.Kind == core::GuardKind::Condition)
        R.push_back(toString(*G.Cond));
      if (Ids)
        for (const core::Finding &F : rules::checkGuard(G, Cfg))
          Ids->push_back(F.RuleId + "@" + std::to_string(F.Where.Line));
    }
    return R;
  }
};
} // namespace

TEST(CSharpProjectScan, DeclaredTypesSkipCommentsStringsAndConstraints) {
  EXPECT_EQ(declaredTypes("// class NotThis\n"
                          "/* enum Nor { } */ var s = \"struct Neither\";\n"
                          "var v = @\"a \"\" class Nope\";\n"
                          "public static partial class Os { }\n"
                          "enum Builds : int { A = 1 }\n"
                          "record struct Pair(int A);\n"
                          "class G<T> where T : class, new() { }\n"
                          "interface @IThing { }\n"),
            (Strings{"Os", "Builds", "Pair", "G", "IThing"}));
}

TEST_F(CSharpProject, RootIsTheSolutionElseTheProjectElseTheFolder) {
  write("sln/App.sln", "");
  write("sln/a/App.csproj", "<Project/>");
  write("sln/a/b/X.cs", "class X {}");
  write("loose/y/Y.cs", "class Y {}");
  write("proj/P.csproj", "<Project/>");
  write("proj/z/Z.cs", "class Z {}");
  EXPECT_EQ(projectRoot(at("sln/a/b/X.cs")), at("sln"));
  EXPECT_EQ(projectRoot(at("loose/y/Y.cs")), at("loose/y"));
  EXPECT_EQ(projectRoot(at("proj/z/Z.cs")), at("proj"));
}

TEST_F(CSharpProject, DeclaringFilesAndThePrefiltersLook) {
  write("S.sln", "");
  write("Lib/Enums.cs", "public enum WindowsBuilds { Vista_SP2 = 6002 }\n");
  write("Lib/obj/Gen.cs", "public enum WindowsBuilds { Generated = 1 }\n");
  write("Lib/Part1.cs", "partial class Os { const int A = 7601; }\n");
  write("App/Part2.cs", "partial class Os { void M() {} }\n");
  write("App/Use.cs",
        "class U { bool M() => b == (int)WindowsBuilds.Vista_SP2; }\n");
  write("App/Other.cs", "class O { bool M() => b == 7601; }\n");
  EXPECT_EQ(declaringFiles(at("App/Use.cs"), "WindowsBuilds"),
            Strings{at("Lib/Enums.cs")}); // obj/ is build output
  EXPECT_EQ(declaringFiles(at("App/Part2.cs"), "Os"),
            Strings{at("Lib/Part1.cs")});
  auto Holds = [](llvm::StringRef T, bool *) { return T.contains("6002"); };
  std::shared_ptr<const Strings> Deps, Deps2;
  EXPECT_TRUE(projectHolds(at("App/Use.cs"),
                           "class U { bool M() => b == "
                           "(int)WindowsBuilds.Vista_SP2; }",
                           Holds, "6002", &Deps));
  // Every .cs file of the project and every folder (a file added anywhere
  // may declare a type named here), build output aside.
  EXPECT_EQ(sorted(Deps),
            (Strings{at(""), at("App"), at("App/Other.cs"), at("App/Part2.cs"),
                     at("App/Use.cs"), at("Lib"), at("Lib/Enums.cs"),
                     at("Lib/Part1.cs")}));
  EXPECT_FALSE(projectHolds(at("App/Part2.cs"),
                            "partial class Os { void M() {} }", Holds, "6002",
                            &Deps2));
  EXPECT_EQ(Deps2, Deps) << "one list for the whole project";
  EXPECT_FALSE(projectHolds(
      at("App/Other.cs"), "class O { bool M() => b == 7601; }", Holds, "6002"));
  // Another prefilter's question about the same unchanged file is its own.
  auto Holds22621 = [](llvm::StringRef T, bool *) {
    return T.contains("22621");
  };
  EXPECT_FALSE(projectHolds(at("App/Use.cs"),
                            "class U { bool M() => b == "
                            "(int)WindowsBuilds.Vista_SP2; }",
                            Holds22621, "22621"));
  EXPECT_TRUE(projectHolds(at("App/Use.cs"),
                           "class U { bool M() => b == "
                           "(int)WindowsBuilds.Vista_SP2; }",
                           Holds, "6002"));
}

TEST(CSharpHotTypes, OnlyTheDeclarationsThatHoldALiteral) {
  auto Holds = [](llvm::StringRef T) { return T.contains("6002"); };
  auto Hot = [&](llvm::StringRef Text) {
    Strings R;
    for (const auto &E : hotTypes(Text, Holds))
      R.push_back(E.getKey().str());
    llvm::sort(R);
    return R;
  };
  EXPECT_EQ(Hot("namespace N {\n"
                "public enum Mode { Light, Dark }\n"
                "public enum WindowsBuilds : int { Vista_SP2 = 6002 }\n"
                "class Outer { enum Inner { X = 6002 } void M() {} }\n"
                "record R(int X = 6002);\n"
                "record Q(int X);\n"
                "// class InComment { int x = 6002; }\n"
                "class S { string s = \"} class T { 6002 }\"; }\n"
                "}\n"),
            // S holds a string with 6002 in it; its braces are not T's.
            (Strings{"Inner", "Outer", "R", "S", "WindowsBuilds"}));
  // A declaration naming a hot type of the same file, at any distance.
  EXPECT_EQ(Hot("enum A { X = B.Y }\n"
                "static class B { public const int Y = C.Z; }\n"
                "static class C { public const int Z = 6002; }\n"
                "enum D { E }\n"),
            (Strings{"A", "B", "C"}));
  // A partial type: hot if one of its declarations is.
  EXPECT_EQ(Hot("partial class P { }\npartial class P { int b = 6002; }\n"),
            Strings{"P"});
}

TEST_F(CSharpProject, AFileNamingOnlyAColdTypeOfADeclaringFileIsNotParsed) {
  write("S.sln", "");
  write("Lib/Enums.cs", "public enum Mode { Light, Dark }\n"
                        "public enum WindowsBuilds { Vista_SP2 = 6002 }\n");
  auto Holds = [](llvm::StringRef T, bool *) { return T.contains("6002"); };
  std::shared_ptr<const Strings> Deps;
  EXPECT_FALSE(projectHolds(at("App/UseMode.cs"),
                            "class U { Mode M() => Mode.Dark; }", Holds, "6002",
                            &Deps));
  ASSERT_TRUE(Deps);
  EXPECT_TRUE(llvm::is_contained(*Deps, at("Lib/Enums.cs")))
      << "still a dependency";
  EXPECT_TRUE(projectHolds(at("App/UseBuilds.cs"),
                           "class V { bool M() => b == "
                           "(int)WindowsBuilds.Vista_SP2; }",
                           Holds, "6002"));
}

TEST_F(CSharpProject, ValuesDeclaredInOtherFiles) {
  write("S.sln", "");
  write("Lib/Enums.cs",
        "namespace N {\n"
        "public enum WindowsBuilds : int { Vista_SP2 = 6002, Win7 = 7601 }\n"
        "public static class Known {\n"
        "  public const int Sp2 = 6002;\n"
        "  public static readonly int Seven = 7601;\n"
        "  public static int Sp2Prop => 6002;\n"
        "  public static int Build() => "
        "System.Environment.OSVersion.Version.Build;\n"
        "}\n"
        "partial class Os { const int Two = 6002; }\n"
        "}\n");
  std::string Use =
      write("App/Use.cs", "using System;\nnamespace N {\npartial class Os {\n"
                          "static void M() {\n"
                          "  var b = Environment.OSVersion.Version.Build;\n"
                          "  if (b == (int)WindowsBuilds.Vista_SP2) {}\n"
                          "  if (b <= Known.Sp2) {}\n"
                          "  if (b == Known.Seven) {}\n"
                          "  if (b == Known.Sp2Prop) {}\n"
                          "  if (Known.Build() == 6002) {}\n"
                          "  if (b == Two) {}\n"
                          "}\n}\n}\n");
  Strings Deps, Ids;
  EXPECT_EQ(lower(Use, &Deps, &Ids),
            (Strings{"(build == 6002)", "(build <= 6002)", "(build == 7601)",
                     "(build == 6002)", "(build == 6002)", "(build == 6002)"}));
  EXPECT_EQ(Ids,
            (Strings{"VG001@6", "VG001@7", "VG001@9", "VG001@10", "VG001@11"}));
  EXPECT_EQ(Deps, Strings{at("Lib/Enums.cs")});
}

TEST_F(CSharpProject, NothingIsReadWhereEverythingResolves) {
  std::string Self = write("Self.cs", "class C { const int B = 6002;\n"
                                      "static void M() {\n"
                                      "if (System.Environment.OSVersion."
                                      "Version.Build == B) {} } }\n");
  write("Other.cs", "class C { const int B = 7601; }\n");
  Strings Deps;
  EXPECT_EQ(lower(Self, &Deps), Strings{"(build == 6002)"});
  EXPECT_TRUE(Deps.empty());
}

TEST_F(CSharpProject, ThreadsAskingAtOnceShareOneIndexAndAgree) {
  // Every thread asking while the index is built reads some of its files;
  // each gets the whole index. Each file names the enum of the next one.
  write("P.sln", "");
  const int N = 300;
  auto Text = [](int I) {
    return "enum E" + std::to_string(I) +
           " { A = " + std::to_string(I == 150 ? 6002 : 7601) + " }\nclass C" +
           std::to_string(I) + " { int M() => (int)E" +
           std::to_string((I + 1) % N) + ".A; }\n";
  };
  for (int I = 0; I < N; ++I)
    write("src/d" + std::to_string(I % 7) + "/F" + std::to_string(I) + ".cs",
          Text(I));
  auto Holds = [](llvm::StringRef T, bool *) { return T.contains("6002"); };
  std::vector<std::shared_ptr<const Strings>> Deps(N);
  std::vector<char> Hot(N);
  std::vector<std::thread> Threads;
  for (int T = 0; T < 4; ++T)
    Threads.emplace_back([&, T] {
      for (int I = T; I < N; I += 4) {
        std::string F = at("src/d" + std::to_string(I % 7) + "/F" +
                           std::to_string(I) + ".cs");
        Hot[I] = projectHolds(F, Text(I), Holds, "6002", &Deps[I]);
      }
    });
  for (std::thread &T : Threads)
    T.join();
  for (int I = 0; I < N; ++I) {
    int Next = (I + 1) % N;
    EXPECT_EQ(bool(Hot[I]), Next == 150) << I;
    EXPECT_EQ(Deps[I], Deps[0]) << I;
  }
  ASSERT_TRUE(Deps[0]);
  EXPECT_EQ(Deps[0]->size(), size_t(N + 9)) << "the files, src, d0-d6, root";
  // A text other than the one on disk (a staged version) is scanned
  // itself: it names E150 now, and F149 no longer does.
  EXPECT_TRUE(projectHolds(at("src/d0/F0.cs"),
                           "class C0 { int M() => (int)E150.A; }\n", Holds,
                           "6002"));
  EXPECT_FALSE(projectHolds(at("src/d2/F149.cs"),
                            "class C149 { int M() => (int)E151.A; }\n", Holds,
                            "6002"));
  // The file declaring the hot type speaks for itself, not its copy on disk.
  EXPECT_FALSE(projectHolds(at("src/d3/F150.cs"),
                            "class C150 { int M() => (int)E150.A; }\n", Holds,
                            "6002"));
}

TEST_F(CSharpProject, APartialClassOfManyFilesIsSummarizedOncePerPart) {
  // Forty parts of one class, each calling a method of the next: each part
  // names the class, so each part's summary reads the others. Summaries
  // read by summaries read no file in turn; before, they went four deep and
  // were never kept (forty to the fourth), far past any time limit.
  write("S.sln", "");
  const int N = 40;
  for (int I = 0; I < N; ++I)
    write("Parts/P" + std::to_string(I) + ".cs",
          "partial class Os {\n  static int M" + std::to_string(I) + "() => M" +
              std::to_string((I + 1) % N) + "() + " + std::to_string(I) +
              ";\n}\n");
  std::string Use =
      write("Parts/Use.cs",
            "partial class Os {\n  static bool Sp2() =>\n"
            "    System.Environment.OSVersion.Version.Build == 6002 &&\n"
            "    M0() > 0;\n}\n");
  verguard::core::setDeadline(30000);
  Strings Deps, Ids;
  lower(Use, &Deps, &Ids);
  EXPECT_FALSE(verguard::core::deadlineHit());
  verguard::core::setDeadline(0);
  EXPECT_EQ(Ids, Strings{"VG001@3"});
  EXPECT_EQ(Deps.size(), size_t(N + 1)); // every part, Use.cs too
}

TEST_F(CSharpProject, AQuietFileOfAProjectWithoutHotTypesNeedNotBeReadAgain) {
  write("One/S.sln", "");
  write("One/Lib/Modes.cs", "public enum Mode { Light, Dark }\n");
  write("One/App/Quiet.cs", "class Q { Mode M; }\n");
  write("One/App/Marked.cs", "class R { } // verguard: ignore VG001\n");
  // The prefilter's look: a literal holds, a suppression comment is not
  // quiet (its file is analyzed for VG100).
  auto Look = [](llvm::StringRef T, bool *IsQuiet) {
    if (IsQuiet)
      *IsQuiet = !T.contains("verguard:") && !T.contains("6002");
    return T.contains("6002");
  };
  std::shared_ptr<const Strings> Deps, Unread;
  EXPECT_FALSE(projectQuiet(at("One/App/Quiet.cs"), "q", &Unread))
      << "the index is not built yet";
  EXPECT_FALSE(projectHolds(at("One/App/Quiet.cs"), "class Q { Mode M; }", Look,
                            "q", &Deps));
  EXPECT_TRUE(projectQuiet(at("One/App/Quiet.cs"), "q", &Unread));
  EXPECT_EQ(Unread, Deps) << "the project's files and folders";
  EXPECT_TRUE(projectQuiet(at("One/Lib/Modes.cs"), "q", &Unread));
  EXPECT_FALSE(projectQuiet(at("One/App/Marked.cs"), "q", &Unread));
  EXPECT_FALSE(projectQuiet(at("One/App/New.cs"), "q", &Unread))
      << "a file the index did not read";
  EXPECT_FALSE(projectQuiet(at("One/App/Quiet.cs"), "other", &Unread))
      << "another prefilter's index";
  // A project with a hot type: every file is read, for the names it uses.
  write("Two/S.sln", "");
  write("Two/Lib/Builds.cs", "public enum Builds { Sp2 = 6002 }\n");
  write("Two/App/Quiet.cs", "class Q { Mode M; }\n");
  EXPECT_FALSE(projectHolds(at("Two/App/Quiet.cs"), "class Q { Mode M; }", Look,
                            "q", &Deps));
  EXPECT_FALSE(projectQuiet(at("Two/App/Quiet.cs"), "q", &Unread));
}
