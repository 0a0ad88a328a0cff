// The leading include prefix that standalone parses precompile: which lines
// belong to it and how they are normalized (the cache key).
#include "cpp/Pch.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "../TestSupport.h"

#include <gtest/gtest.h>

#include <map>

#include <cstdlib>
#include <thread>

using namespace verguard::cpp;

namespace {
std::string prefixOf(llvm::StringRef Text) {
  return prefixHeaderText(leadingIncludePrefix(Text));
}
} // namespace

TEST(IncludePrefix, CommentsBlankLinesAndDefines) {
  EXPECT_EQ(prefixOf("// Doc service module.\n"
                     "/* A block\n   comment. */\n"
                     "\n"
                     "#define  WIN32_LEAN_AND_MEAN   // fewer headers\n"
                     "#define NOMINMAX\r\n"
                     "#define _WIN32_WINNT\t0x0600 /* Vista */\n"
                     "#  include <windows.h>  // the SDK\n"
                     "#include <string>\n"
                     "#include \"mine.h\"\n"
                     "#include <vector>\n"),
            "#define WIN32_LEAN_AND_MEAN\n"
            "#define NOMINMAX\n"
            "#define _WIN32_WINNT 0x0600\n"
            "#include <windows.h>\n"
            "#include <string>\n");
}

TEST(IncludePrefix, DefineValuesAreNormalized) {
  EXPECT_EQ(prefixOf("#define _WIN32_WINNT \t 0x0600   // Vista\n"
                     "#include <windows.h>\n"),
            "#define _WIN32_WINNT 0x0600\n#include <windows.h>\n");
  EXPECT_EQ(prefixOf("#define VER (6 + 0)\n#include <windows.h>\n"),
            "#define VER (6 + 0)\n#include <windows.h>\n");
}

TEST(IncludePrefix, StopsAtTheFirstOtherLine) {
  // A conditional.
  EXPECT_EQ(prefixOf("#include <windows.h>\n#ifdef X\n#include <string>\n"
                     "#endif\n"),
            "#include <windows.h>\n");
  EXPECT_EQ(prefixOf("#if 1\n#include <windows.h>\n#endif\n"), "");
  // A quoted include, code, a function-like macro, a string value.
  EXPECT_EQ(prefixOf("#include <a.h>\n#include \"b.h\"\n#include <c.h>\n"),
            "#include <a.h>\n");
  EXPECT_EQ(prefixOf("#include <a.h>\nint x;\n#include <c.h>\n"),
            "#include <a.h>\n");
  EXPECT_EQ(prefixOf("#include <a.h>\n#define F(x) x\n#include <c.h>\n"),
            "#include <a.h>\n");
  EXPECT_EQ(prefixOf("#include <a.h>\n#define S \"//\"\n#include <c.h>\n"),
            "#include <a.h>\n");
  EXPECT_EQ(
      prefixOf("#include <a.h>\n#define X 1 /* and\n */\n#include <c.h>\n"),
      "#include <a.h>\n");
  // A continued line, a comment that runs on, a directive after a comment.
  EXPECT_EQ(prefixOf("#include <a.h>\n#define X 1 \\\n  + 2\n#include <c.h>\n"),
            "#include <a.h>\n");
  EXPECT_EQ(prefixOf("#include <a.h> /* and\n */\n#include <c.h>\n"), "");
  EXPECT_EQ(prefixOf("#include <a.h>\n/* x */ #include <c.h>\n"),
            "#include <a.h>\n");
  // Other directives.
  EXPECT_EQ(prefixOf("#include <a.h>\n#undef X\n#include <c.h>\n"),
            "#include <a.h>\n");
  EXPECT_EQ(prefixOf("#include_next <a.h>\n"), "");
}

TEST(IncludePrefix, NeedsAnAngleInclude) {
  EXPECT_EQ(prefixOf(""), "");
  EXPECT_EQ(prefixOf("// nothing\n#define X 1\n"), "");
  EXPECT_EQ(prefixOf("#include \"stdafx.h\"\n#include <windows.h>\n"), "");
  // #defines after the last include change nothing it declares.
  EXPECT_EQ(prefixOf("#include <windows.h>\n#define X 1\nint y;\n"),
            "#include <windows.h>\n");
}

TEST(IncludePrefix, PragmaOnceAndBomAreSkipped) {
  EXPECT_EQ(prefixOf("\xEF\xBB\xBF#pragma once\n#include <windows.h>\n"),
            "#include <windows.h>\n");
}

TEST(IncludePrefix, WindowsHInAnyCase) {
  auto P = leadingIncludePrefix("#include <Windows.h>\n#include <Shlwapi.h>\n");
  ASSERT_EQ(P.size(), 2u);
  EXPECT_EQ(P[0].Name, "windows.h");
  EXPECT_EQ(P[1].Name, "Shlwapi.h");
  EXPECT_TRUE(P[0].Include);
}

// Project headers in memory, by directory and name.
ProjectHeaderFn headers(std::map<std::string, std::string> Files) {
  return [Files](llvm::StringRef Name, llvm::StringRef Dir)
             -> std::optional<std::pair<std::string, std::string>> {
    for (std::string D : {Dir.str(), std::string("/p/include")}) {
      auto It = Files.find(D + "/" + Name.str());
      if (It != Files.end())
        return std::make_pair(It->second, It->first);
    }
    return std::nullopt;
  };
}

TEST(IncludePrefix, AProjectHeaderFirstGivesItsSystemIncludes) {
  auto H = headers({
      {"/p/src/stdafx.h", "#pragma once\n#include \"targetver.h\"\n"
                          "#define WIN32_LEAN_AND_MEAN // fewer headers\n"
                          "#include <windows.h>\n#include <stdio.h>\n"
                          "typedef int Thing;\n#include <tchar.h>\n"},
      {"/p/src/targetver.h", "#pragma once\n#include <SDKDDKVer.h>\n"},
  });
  // stdafx.h holds code after <stdio.h>: the prefix ends there, before
  // <tchar.h> and before the file's own <string>.
  EXPECT_EQ(prefixHeaderText(leadingIncludePrefix(
                "// app.cpp\n#include \"stdafx.h\"\n#include <string>\n", H,
                "/p/src")),
            "#include <SDKDDKVer.h>\n#define WIN32_LEAN_AND_MEAN\n"
            "#include <windows.h>\n#include <stdio.h>\n");
  // Without a way to read it, a quoted include ends the prefix.
  EXPECT_TRUE(
      leadingIncludePrefix("#include \"stdafx.h\"\n#include <a.h>\n").empty());
}

TEST(IncludePrefix, GuardedAndDirectiveOnlyHeadersAreWalkedThrough) {
  auto H = headers({
      {"/p/include/uv.h", "/* libuv */\n#ifndef UV_H\n#define UV_H\n"
                          "#include <stddef.h>\n#include \"uv/win.h\"\n"
                          "#ifdef __cplusplus\nextern \"C\" {\n#endif\n"},
      {"/p/include/uv/win.h", "#ifndef UV_WIN_H\n#define UV_WIN_H\n"
                              "#define _WIN32_WINNT 0x0600\n"
                              "#include <winsock2.h>\n#include \"uv.h\"\n"
                              "#endif\n"},
      {"/p/src/ok.h", "#ifndef OK_H\n#define OK_H\n#include <a.h>\n"
                      "#endif // OK_H\n"},
      {"/p/src/stdafx.h", "#pragma once\n#ifndef WINVER // at least\n"
                          "#define WINVER 0x0600 // Vista\n#endif\n"
                          "#include <windows.h>\n#ifndef X\n#define Y\n"
                          "#endif\n#include <y.h>\n"},
      {"/p/src/open.h", "#ifndef OPEN_H\n#define OPEN_H\n#include <a.h>\n"},
      {"/p/src/bad.h", "#ifndef BAD_H\n#define OTHER\n#include <b.h>\n"},
  });
  // uv/win.h includes uv.h again: its guard makes that empty. Its #endif
  // ends the walk (a conditional), as uv.h's #ifdef would.
  EXPECT_EQ(prefixHeaderText(
                leadingIncludePrefix("#include \"uv.h\"\n", H, "/p/src")),
            "#include <stddef.h>\n#define _WIN32_WINNT 0x0600\n"
            "#include <winsock2.h>\n");
  // A header of directives only: the file's own prefix goes on after it.
  EXPECT_EQ(prefixHeaderText(leadingIncludePrefix(
                "#include \"ok.h\"\n#include <c.h>\n", H, "/p/src")),
            "#include <a.h>\n#include <c.h>\n");
  // A default (`#ifndef X` / `#define X v` / `#endif`) is kept as it is; an
  // #ifndef that defines something else is a conditional.
  EXPECT_EQ(prefixHeaderText(leadingIncludePrefix(
                "#include \"stdafx.h\"\n#include <x.h>\n", H, "/p/src")),
            "#ifndef WINVER\n#define WINVER 0x0600\n#endif\n"
            "#include <windows.h>\n");
  // A guarded header without its #endif: what it holds, then the end.
  EXPECT_EQ(prefixHeaderText(leadingIncludePrefix(
                "#include \"open.h\"\n#include <c.h>\n", H, "/p/src")),
            "#include <a.h>\n");
  // An #ifndef that is not an include guard is a conditional.
  EXPECT_TRUE(
      leadingIncludePrefix("#include \"bad.h\"\n", H, "/p/src").empty());
  // Not found: the prefix ends.
  EXPECT_EQ(prefixHeaderText(leadingIncludePrefix(
                "#include <w.h>\n#include \"missing.h\"\n#include <x.h>\n", H,
                "/p/src")),
            "#include <w.h>\n");
}

TEST(IncludePrefix, ShadowedHeadersCutIt) {
  llvm::SmallString<128> Tmp, Dir;
  llvm::sys::path::system_temp_directory(true, Tmp);
  llvm::sys::path::append(Tmp, "vg-pch");
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory(Tmp, Dir));
  llvm::SmallString<128> Sub(Dir);
  llvm::sys::path::append(Sub, "sys");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Sub));
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS((Sub + "/config.h").str(), EC);
    ASSERT_FALSE(EC);
  }
  auto P = leadingIncludePrefix("#include <windows.h>\n#define X 1\n"
                                "#include <sys/config.h>\n#include <string>\n");
  ASSERT_EQ(P.size(), 4u);
  dropShadowedIncludes(P, {"/nonexistent", Dir.str().str()});
  EXPECT_EQ(prefixHeaderText(P), "#include <windows.h>\n");
  auto Q = leadingIncludePrefix("#include <sys/config.h>\n#include <a.h>\n");
  dropShadowedIncludes(Q, {Dir.str().str()});
  EXPECT_TRUE(Q.empty());
  llvm::sys::fs::remove_directories(Dir);
}

TEST(PrefixPch, BuiltOnSecondSightOnceForAllThreads) {
  llvm::SmallString<128> Tmp, Dir;
  llvm::sys::path::system_temp_directory(true, Tmp);
  llvm::sys::path::append(Tmp, "vg-pch-cache");
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory(Tmp, Dir));
  verguard::test::ScopedCacheHome Cache(Dir.str().str());
  const std::string Header = "#include <stddef.h>\n#include <limits.h>\n";
  const std::vector<std::string> Flags = {"--target=x86_64-w64-mingw32"};
  // The first time it is only remembered.
  EXPECT_FALSE(prefixPch(Header, Flags, /*IsC=*/true, false));
  // Then four threads want it at once: one build, one answer.
  std::vector<std::optional<std::string>> Got(4);
  std::vector<std::thread> Threads;
  for (auto &G : Got)
    Threads.emplace_back([&] { G = prefixPch(Header, Flags, true, false); });
  for (auto &T : Threads)
    T.join();
  ASSERT_TRUE(Got[0]);
  for (auto &G : Got)
    EXPECT_EQ(G, Got[0]);
  unsigned Pchs = 0;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       It != End && !EC; It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".pch"))
      ++Pchs;
  EXPECT_EQ(Pchs, 1u);
  llvm::sys::fs::remove_directories(Dir);
}

// The prefix the preprocessor sees through a project header's conditionals
// and function-like macros: system includes of project files before their
// first code, in order, with the project's #define/#undef between them, its
// include guards and missing headers left out.
namespace {
/// A project directory (absolute: Clang reads it) and a cache of its own.
class PreprocessedPrefix : public verguard::test::TempDirTest {
protected:
  void SetUp() override {
    TempDirTest::SetUp();
    ASSERT_FALSE(llvm::sys::fs::make_absolute(Dir));
    Cache.emplace((Dir + "/cache").str());
  }
  void Write(llvm::StringRef Name, llvm::StringRef Text) { write(Name, Text); }
  std::optional<verguard::test::ScopedCacheHome> Cache;
};
} // namespace

TEST_F(PreprocessedPrefix, SystemIncludesThroughConditionalsInOrder) {
  Write("compat.h", "#ifndef COMPAT_H\n"
                    "#define COMPAT_H\n"
                    "#if defined(__MINGW32__)\n"
                    "# define PREREQ(a, ...) \\\n  ((a) > 1 /* x */)\n"
                    "# define _WIN32_WINNT 0x0603\n"
                    "#endif\n"
                    "#if PREREQ(2, 1)\n"
                    "#define WIN32_LEAN_AND_MEAN\n"
                    "#include <windows.h>\n"
                    "#else\n"
                    "#include <stdint.h>\n"
                    "#endif\n"
                    "#include \"inner.h\"\n"
                    "#include <never/there.h>\n"
                    "#include <stddef.h>\n"
                    "#undef INNER\n"
                    "struct strbuf;\n"
                    "#include <limits.h>\n"
                    "#endif\n");
  Write("inner.h", "#pragma once\n#define INNER 1\n#include <stdio.h>\n");
  const std::string Main =
      "#include \"compat.h\"\nint main(void) { return 0; }\n";
  std::vector<std::string> Flags = {"--target=x86_64-w64-mingw32",
                                    "-fsyntax-only", "-I" + Dir.str().str()};
  std::string Path = (Dir + "/main.c").str();
  EXPECT_EQ(prefixHeaderText(preprocessedIncludePrefix(Path, Main, Flags)),
            "#define PREREQ(a, ...) ((a) > 1 )\n"
            "#define _WIN32_WINNT 0x0603\n"
            "#define WIN32_LEAN_AND_MEAN\n"
            "#include <windows.h>\n"
            "#define INNER 1\n"
            "#include <stdio.h>\n"
            "#include <stddef.h>\n");
  // Code first: nothing. A macro saved and restored: no prefix at all.
  EXPECT_TRUE(
      preprocessedIncludePrefix(Path, "int x;\n#include <stddef.h>\n", Flags)
          .empty());
  Write("saver.h", "#pragma push_macro(\"X\")\n#include <stddef.h>\n"
                   "#pragma pop_macro(\"X\")\n");
  EXPECT_TRUE(
      preprocessedIncludePrefix(Path, "#include \"saver.h\"\nint x;\n", Flags)
          .empty());
}

// The look at a prefix is cached with what it depended on: a project header
// changed, or a missing one that appears, makes it look again.
TEST_F(PreprocessedPrefix, CachedUntilAProjectFileChangesOrAppears) {
  Write("setup.h", "#if defined(_WIN32)\n#include <stddef.h>\n#endif\n"
                   "#include \"config.h\"\nint setup;\n");
  const std::string Main = "#include \"setup.h\"\nint x;\n";
  std::vector<std::string> Flags = {"--target=x86_64-w64-mingw32",
                                    "-I" + Dir.str().str()};
  std::string Path = (Dir + "/main.c").str();
  auto Prefix = [&] {
    return prefixHeaderText(preprocessedIncludePrefix(Path, Main, Flags));
  };
  EXPECT_EQ(Prefix(), "#include <stddef.h>\n");
  std::vector<std::string> Entries;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator
           It(Dir + "/cache/verguard/prefixes", EC),
       End;
       It != End && !EC; It.increment(EC))
    Entries.push_back(It->path());
  ASSERT_EQ(Entries.size(), 1u);
  // Read from the cache: an entry edited by hand is what comes back...
  auto Entry = [&](llvm::StringRef Text) {
    llvm::raw_fd_ostream OS(Entries[0], EC);
    OS << Text;
  };
  auto Buf = llvm::MemoryBuffer::getFile(Entries[0]);
  ASSERT_TRUE(bool(Buf));
  std::string Edited = (*Buf)->getBuffer().str();
  for (size_t At; (At = Edited.find("stddef")) != std::string::npos;)
    Edited.replace(At, 6, "stdbool");
  Entry(Edited);
  EXPECT_EQ(Prefix(), "#include <stdbool.h>\n");
  // ...and a torn or foreign one is not trusted.
  Entry(Edited.substr(0, Edited.size() - 4));
  EXPECT_EQ(Prefix(), "#include <stddef.h>\n");
  Entry("garbage");
  EXPECT_EQ(Prefix(), "#include <stddef.h>\n");
  // The header changes (same size, other text): looked at again.
  Write("setup.h", "#if defined(_WIN32)\n#include <limits.h>\n#endif\n"
                   "#include \"config.h\"\nint setup;\n");
  EXPECT_EQ(Prefix(), "#include <limits.h>\n");
  // The missing config.h appears, with a system include of its own.
  Write("config.h", "#include <stdint.h>\n");
  EXPECT_EQ(Prefix(), "#include <limits.h>\n#include <stdint.h>\n");
}
