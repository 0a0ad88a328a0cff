//===- CompileCommandTest.cpp ---------------------------------------------===//
// A compile database's command line, read as verguard parses: MSVC and GNU
// spellings of what matters kept, the rest dropped with a reason.
#include "cpp/CompileCommand.h"

#include "../TestSupport.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard;
using namespace verguard::cpp;

namespace {

class CompileCommandTest : public test::TempDirTest {
protected:
  TranslatedCommand translate(std::vector<std::string> Cmd) {
    return translateCompileCommand(Cmd, Dir);
  }
  std::string at(llvm::StringRef Rel) { return (Dir + "/" + Rel).str(); }
  static std::string reasonOf(const TranslatedCommand &T, llvm::StringRef Arg) {
    for (const TranslatedCommand::DroppedArg &D : T.Dropped)
      if (D.Arg == Arg)
        return D.Reason;
    return "(kept)";
  }
  /// Arg was dropped, for a reason that says Why.
  static bool droppedFor(const TranslatedCommand &T, llvm::StringRef Arg,
                         llvm::StringRef Why) {
    return llvm::StringRef(reasonOf(T, Arg)).contains(Why);
  }
};

TEST_F(CompileCommandTest, RecognizesMsvcCompilers) {
  EXPECT_TRUE(isMsvcCommand({"cl.exe", "/c"}));
  EXPECT_TRUE(isMsvcCommand({"C:\\VS\\VC\\bin\\CL.EXE"}));
  EXPECT_TRUE(isMsvcCommand({"/usr/bin/clang-cl-19"}));
  EXPECT_TRUE(isMsvcCommand({"clang", "--driver-mode=cl"}));
  EXPECT_FALSE(isMsvcCommand({"/usr/bin/x86_64-w64-mingw32-g++"}));
  EXPECT_FALSE(isMsvcCommand({"clang++"}));
}

TEST_F(CompileCommandTest, TranslatesMsvcOptions) {
  write("inc/pre.h", "#define PRE 1\n");
  TranslatedCommand T = translate({"cl.exe",
                                   "/nologo",
                                   "/c",
                                   "/Iinc",
                                   "/I",
                                   "sub\\dir",
                                   "-Iother",
                                   "/external:I",
                                   "ext",
                                   "/DWIN32",
                                   "/D",
                                   "NAME#1",
                                   "-DX=2",
                                   "/UNDEBUG",
                                   "/std:c++latest",
                                   "/FIinc\\pre.h",
                                   "/MDd",
                                   "/kernel",
                                   "/TP",
                                   "/Fobuild\\a.obj",
                                   "src\\a.cpp"});
  EXPECT_TRUE(T.Msvc);
  EXPECT_EQ(T.Error, "");
  EXPECT_EQ(T.Flags,
            (std::vector<std::string>{
                "-I" + at("inc"), "-I" + at("sub/dir"), "-I" + at("other"),
                "-isystem" + at("ext"), "-DWIN32", "-DNAME=1", "-DX=2",
                "-UNDEBUG", "-std=c++2c", "-include", at("inc/pre.h"), "-D_MT",
                "-D_DLL", "-D_DEBUG", "-D_KERNEL_MODE", "-x", "c++"}));
}

TEST_F(CompileCommandTest, DropsWhatDoesNotChangeTheMeaningWithAReason) {
  TranslatedCommand T = translate(
      {"cl.exe", "/Yustdafx.h", "/Fpapp.pch", "/W4", "/WX", "/wd4996", "/EHsc",
       "/O2", "/Zi", "/Zc:__cplusplus", "/permissive-", "/utf-8", "/I",
       "C:\\Program Files (x86)\\Windows Kits\\10\\Include\\um",
       "/FIC:\\missing\\force.h", "/FImissing.h", "/arch:AVX2", "a.cpp"});
  EXPECT_TRUE(T.Flags.empty()) << llvm::join(T.Flags, " ");
  EXPECT_TRUE(droppedFor(T, "/Yustdafx.h", "precompiled header"));
  EXPECT_TRUE(droppedFor(T, "/Fpapp.pch", "precompiled header"));
  EXPECT_TRUE(droppedFor(T, "/W4", "warnings"));
  EXPECT_TRUE(droppedFor(T, "/wd4996", "warnings"));
  EXPECT_TRUE(droppedFor(T, "/EHsc", "code generation"));
  EXPECT_TRUE(droppedFor(T, "/O2", "code generation"));
  EXPECT_TRUE(droppedFor(T, "/Zc:__cplusplus", "conformance"));
  EXPECT_TRUE(droppedFor(T, "/utf-8", "character sets"));
  EXPECT_TRUE(droppedFor(T, "/arch:AVX2", "target"));
  EXPECT_TRUE(
      droppedFor(T, "/I C:\\Program Files (x86)\\Windows Kits\\10\\Include\\um",
                 "mingw-w64 headers stand in"));
  // A forced include that is not here would stop the parse.
  EXPECT_TRUE(droppedFor(T, "/FImissing.h", "does not exist"));
  std::string All = describeDropped(T);
  EXPECT_NE(All.find("/W4 /WX /wd4996 (warnings"), std::string::npos) << All;
}

TEST_F(CompileCommandTest, ReadsResponseFilesRelativeToTheDirectory) {
  write("cl.rsp", "/I\"include dir\" /DFROM_RSP /Yupch.h");
  write("gcc.rsp", "-I'my inc' -DFROM_GCC_RSP");
  TranslatedCommand T = translate({"cl.exe", "@cl.rsp", "a.cpp"});
  EXPECT_EQ(T.Flags,
            (std::vector<std::string>{"-I" + at("include dir"), "-DFROM_RSP"}));
  EXPECT_EQ(T.Dropped.size(), 1u);
  T = translate({"g++", "@gcc.rsp", "-c", "a.cpp"});
  EXPECT_EQ(T.Flags,
            (std::vector<std::string>{"-I" + at("my inc"), "-DFROM_GCC_RSP"}));
  T = translate({"g++", "@missing.rsp", "-DAFTER", "a.cpp"});
  EXPECT_NE(T.Error.find("missing.rsp"), std::string::npos) << T.Error;
}

TEST_F(CompileCommandTest, KeepsTheMingwTargetOverAGnuCommand) {
  TranslatedCommand T = translate({"/usr/bin/g++",
                                   "--target=x86_64-linux-gnu",
                                   "-m32",
                                   "-march=native",
                                   "-std=gnu++17",
                                   "-isystem",
                                   "/usr/include",
                                   "-I/usr/local/include",
                                   "-I",
                                   "/usr/x86_64-w64-mingw32/include",
                                   "-iquote",
                                   "q",
                                   "-include",
                                   "missing.h",
                                   "-municode",
                                   "-fms-extensions",
                                   "-fno-exceptions",
                                   "-fPIC",
                                   "-O2",
                                   "-g",
                                   "-Wall",
                                   "-MD",
                                   "-MF",
                                   "a.d",
                                   "-o",
                                   "a.o",
                                   "-c",
                                   "a.cpp",
                                   "--sysroot=/"});
  EXPECT_FALSE(T.Msvc);
  EXPECT_EQ(T.Flags, (std::vector<std::string>{
                         "-std=gnu++17", "-I/usr/x86_64-w64-mingw32/include",
                         "-iquote" + at("q"), "-DUNICODE", "-D_UNICODE",
                         "-fms-extensions", "-fno-exceptions"}));
  EXPECT_TRUE(droppedFor(T, "--target=x86_64-linux-gnu", "x86_64-w64-mingw32"));
  EXPECT_TRUE(droppedFor(T, "-isystem /usr/include", "host's system headers"));
  EXPECT_TRUE(droppedFor(T, "--sysroot=/", "host's system headers"));
  EXPECT_TRUE(droppedFor(T, "-MF a.d", "output"));
  EXPECT_TRUE(droppedFor(T, "-fPIC", "code generation"));
}

TEST_F(CompileCommandTest, ClangClPassesGnuArgumentsThroughSlashClang) {
  TranslatedCommand T = translate(
      {"clang-cl", "/clang:-std=c++20", "/clang:-DFROM_CLANG", "/Od", "a.cpp"});
  EXPECT_EQ(T.Flags, (std::vector<std::string>{"-std=c++20", "-DFROM_CLANG"}));
}

TEST_F(CompileCommandTest, AnOptionWithoutItsValueIsReported) {
  TranslatedCommand T = translate({"cl.exe", "/DA", "/I"});
  EXPECT_EQ(T.Flags, std::vector<std::string>{"-DA"});
  EXPECT_NE(T.Error.find("'/I' is missing its value"), std::string::npos)
      << T.Error;
}

} // namespace
