//===- CompileCommand.cpp -------------------------------------------------===//
#include "cpp/CompileCommand.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Option/Arg.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/Option.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/StringSaver.h"

#include <map>

namespace verguard::cpp {

namespace opts = clang::driver::options;
using llvm::opt::Arg;

bool isMsvcCommand(llvm::ArrayRef<std::string> CommandLine) {
  if (CommandLine.empty())
    return false;
  // A Windows path splits at either slash.
  llvm::StringRef Exe = llvm::sys::path::filename(
      CommandLine[0], llvm::sys::path::Style::windows);
  if (Exe.ends_with_insensitive(".exe"))
    Exe = Exe.drop_back(4);
  if (Exe.equals_insensitive("cl") || Exe.starts_with_insensitive("clang-cl"))
    return true;
  return llvm::is_contained(CommandLine, "--driver-mode=cl");
}

namespace {

const char *PchReason =
    "a precompiled header: verguard reads the headers themselves";
const char *WarningReason = "warnings: verguard reports no compiler warnings";
const char *CodegenReason =
    "code generation, optimization or debug information: no effect on "
    "what the code means";
const char *OutputReason = "output and dependency files: verguard writes none";
const char *TargetReason =
    "the target: verguard parses for x86_64-w64-mingw32, whose Windows "
    "headers it has";
const char *LinkReason = "linking";
const char *ConformanceReason =
    "MSVC conformance mode: Clang parses standard C++ with Microsoft "
    "extensions";
const char *CharsetReason =
    "character sets: verguard decodes each file itself (UTF-8, UTF-16, "
    "Windows-1252)";
const char *HostHeadersReason =
    "the host's system headers (Linux's): they would hide the mingw-w64 "
    "Windows headers";
const char *WindowsDirReason =
    "a directory of this Windows machine (Windows SDK, Visual C++): the "
    "mingw-w64 headers stand in for them";
const char *MissingReason = "does not exist on this machine";
const char *UnknownReason = "unknown to the compiler driver";
const char *OtherReason = "not needed to parse";

/// A Windows absolute path (C:\..., C:/..., \\server\share).
bool isWindowsPath(llvm::StringRef P) {
  return (P.size() > 2 && llvm::isAlpha(P[0]) && P[1] == ':' &&
          (P[2] == '\\' || P[2] == '/')) ||
         P.starts_with("\\\\");
}

/// Linux's own headers, which a g++ command line for the host may name.
bool isHostSystemDir(llvm::StringRef P) {
  for (llvm::StringRef Dir :
       {"/usr/include", "/usr/local/include", "/usr/lib/gcc", "/usr/lib/llvm"})
    if (P == Dir || P.starts_with((Dir + "/").str()))
      return !P.starts_with("/usr/lib/gcc/x86_64-w64-mingw32");
  return false;
}

class Translator {
public:
  Translator(llvm::StringRef Directory, bool Msvc, TranslatedCommand &T)
      : Directory(Directory), Msvc(Msvc), T(T) {}

  void translate(llvm::ArrayRef<const char *> Argv, bool ClSyntax);

private:
  llvm::StringRef Directory;
  bool Msvc;
  TranslatedCommand &T;

  void drop(const Arg &A, const char *Reason) {
    T.Dropped.push_back({written(A), Reason});
  }
  /// An option as the command line spells it: "/Fpapp.pch", "-MF a.d".
  std::string written(const Arg &A) const {
    const llvm::opt::ArgList &L = Args();
    std::string S = L.getArgString(A.getIndex());
    unsigned Next = A.getIndex() + 1;
    for (const char *V : A.getValues())
      if (!llvm::StringRef(S).ends_with(V) &&
          Next < L.getNumInputArgStrings() &&
          llvm::StringRef(L.getArgString(Next)) == V)
        S += std::string(" ") + L.getArgString(Next++);
    return S;
  }
  const llvm::opt::ArgList &Args() const { return *Current; }
  const llvm::opt::ArgList *Current = nullptr;

  /// A path of the command line, absolute, with '/' for MSVC's '\'.
  std::string path(llvm::StringRef P) {
    std::string S = P.str();
    if (Msvc)
      std::replace(S.begin(), S.end(), '\\', '/');
    if (isWindowsPath(P) || llvm::sys::path::is_absolute(S))
      return S;
    llvm::SmallString<256> Abs(Directory);
    llvm::sys::path::append(Abs, S);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return Abs.str().str();
  }
  /// An include directory option: kept if it exists and is not the host's.
  void includeDir(const Arg &A, llvm::StringRef Spelling) {
    std::string Dir = path(A.getValue());
    if (isWindowsPath(Dir)) {
      drop(A, WindowsDirReason);
      return;
    }
    if (isHostSystemDir(Dir)) {
      drop(A, HostHeadersReason);
      return;
    }
    T.Flags.push_back((Spelling + Dir).str());
  }
  void forcedInclude(const Arg &A, llvm::StringRef Spelling) {
    std::string File = path(A.getValue());
    // A forced include that is not here would end the parse at once.
    if (!llvm::sys::fs::exists(File)) {
      drop(A, isWindowsPath(File) ? WindowsDirReason : MissingReason);
      return;
    }
    T.Flags.push_back(Spelling.str());
    T.Flags.push_back(File);
  }
  void macro(const char *Spelling, llvm::StringRef Value) {
    std::string V = Value.str();
    // MSVC takes /DNAME#VALUE for /DNAME=VALUE.
    if (Msvc)
      if (size_t Hash = V.find('#');
          Hash != std::string::npos && V.find('=') == std::string::npos)
        V[Hash] = '=';
    T.Flags.push_back(Spelling + V);
  }
  void msvcStd(const Arg &A) {
    llvm::StringRef V = A.getValue();
    std::string Std = llvm::StringSwitch<std::string>(V)
                          .Case("c++14", "c++14")
                          .Case("c++17", "c++17")
                          .Case("c++20", "c++20")
                          .Case("c++latest", "c++2c")
                          .Case("c11", "c11")
                          .Case("c17", "c17")
                          .Case("clatest", "c2x")
                          .Default("");
    if (Std.empty()) {
      drop(A, UnknownReason);
      return;
    }
    T.Flags.push_back("-std=" + Std);
  }
  /// MSVC's runtime library options define macros code tests.
  void msvcRuntime(const Arg &A) {
    using namespace opts;
    const llvm::opt::Option &O = A.getOption();
    bool Dll = O.matches(OPT__SLASH_MD) || O.matches(OPT__SLASH_MDd);
    bool Debug = O.matches(OPT__SLASH_MDd) || O.matches(OPT__SLASH_MTd) ||
                 O.matches(OPT__SLASH_LDd);
    if (!O.matches(OPT__SLASH_LD) && !O.matches(OPT__SLASH_LDd))
      T.Flags.push_back("-D_MT");
    if (Dll)
      T.Flags.push_back("-D_DLL");
    if (Debug)
      T.Flags.push_back("-D_DEBUG");
  }
  const char *reasonFor(const Arg &A);
  bool keepF(const Arg &A);
};

/// The -f options that change what code means; the others are dropped.
bool Translator::keepF(const Arg &A) {
  using namespace opts;
  for (unsigned Id : {OPT_fms_extensions,
                      OPT_fno_ms_extensions,
                      OPT_fms_compatibility,
                      OPT_fno_ms_compatibility,
                      OPT_fdeclspec,
                      OPT_fno_declspec,
                      OPT_fchar8__t,
                      OPT_fno_char8__t,
                      OPT_fsigned_char,
                      OPT_funsigned_char,
                      OPT_fno_signed_char,
                      OPT_fno_unsigned_char,
                      OPT_fexceptions,
                      OPT_fno_exceptions,
                      OPT_fcxx_exceptions,
                      OPT_fno_cxx_exceptions,
                      OPT_fgnu_keywords,
                      OPT_fno_gnu_keywords,
                      OPT_fdollars_in_identifiers,
                      OPT_fno_dollars_in_identifiers})
    if (A.getOption().matches(Id))
      return true;
  return false;
}

const char *Translator::reasonFor(const Arg &A) {
  using namespace opts;
  const llvm::opt::Option &O = A.getOption();
  auto Is = [&](std::initializer_list<unsigned> Ids) {
    return llvm::any_of(Ids, [&](unsigned Id) { return O.matches(Id); });
  };
  if (O.getKind() == llvm::opt::Option::UnknownClass)
    return UnknownReason;
  if (Is({OPT__SLASH_Yu, OPT__SLASH_Yc, OPT__SLASH_Fp, OPT__SLASH_Y_,
          OPT_include_pch, OPT_emit_pch}))
    return PchReason;
  if (Is({OPT_W_Group,
          OPT_W_value_Group,
          OPT_w,
          OPT_pedantic,
          OPT_pedantic_errors,
          OPT__SLASH_wd,
          OPT__SLASH_W0,
          OPT__SLASH_W1,
          OPT__SLASH_W2,
          OPT__SLASH_W3,
          OPT__SLASH_W4,
          OPT__SLASH_Wall,
          OPT__SLASH_WX,
          OPT__SLASH_WX_,
          OPT__SLASH_w_flag,
          OPT__SLASH_external_W0,
          OPT__SLASH_external_W1,
          OPT__SLASH_external_W2,
          OPT__SLASH_external_W3,
          OPT__SLASH_external_W4,
          OPT__SLASH_diagnostics_caret,
          OPT__SLASH_diagnostics_column,
          OPT__SLASH_diagnostics_classic,
          OPT__SLASH_external_env,
          OPT__SLASH_analyze_}))
    return WarningReason;
  if (Is({OPT_o,
          OPT_c,
          OPT_S,
          OPT_E,
          OPT_M_Group,
          OPT__SLASH_Fo,
          OPT__SLASH_Fe,
          OPT__SLASH_Fa,
          OPT__SLASH_FA,
          OPT__SLASH_Fd,
          OPT__SLASH_Fi,
          OPT__SLASH_showIncludes,
          OPT__SLASH_showIncludes_user,
          OPT__SLASH_sourceDependencies,
          OPT__SLASH_c,
          OPT__SLASH_FS,
          OPT__SLASH_nologo,
          OPT__SLASH_FC,
          OPT__SLASH_P,
          OPT__SLASH_E,
          OPT__SLASH_EP}))
    return OutputReason;
  if (Is({OPT_target, OPT_target_legacy_spelling, OPT_m_Group, OPT_march_EQ,
          OPT_mcpu_EQ, OPT__SLASH_arch, OPT_m32, OPT_m64}))
    return TargetReason;
  if (Is({OPT_Link_Group, OPT__SLASH_link, OPT_l, OPT_L, OPT_shared, OPT_static,
          OPT_pthread, OPT__SLASH_LD}))
    return LinkReason;
  if (Is({OPT__SLASH_utf8, OPT__SLASH_source_charset,
          OPT__SLASH_execution_charset, OPT__SLASH_validate_charset,
          OPT_finput_charset_EQ, OPT_fexec_charset_EQ}))
    return CharsetReason;
  if (Is({OPT_nostdinc, OPT_nostdincxx, OPT_nostdlibinc, OPT__sysroot_EQ,
          OPT__sysroot, OPT_isysroot}))
    return HostHeadersReason;
  llvm::StringRef Name = O.getName();
  if (Msvc && O.matches(OPT_cl_Group)) {
    if (Name.starts_with("Zc:") || Name.starts_with("permissive") ||
        Name.starts_with("volatile") || Name == "Za" || Name == "Ze")
      return ConformanceReason;
    if (Name.starts_with("EH") || Name.starts_with("G") ||
        Name.starts_with("O") || Name.starts_with("Z") ||
        Name.starts_with("RTC") || Name.starts_with("Q") ||
        Name.starts_with("guard") || Name.starts_with("fp:") ||
        Name == "bigobj" || Name == "sdl" || Name == "sdl-" ||
        Name.starts_with("MP"))
      return CodegenReason;
  }
  if (Is({OPT_O_Group, OPT_g_Group, OPT_f_Group, OPT_clang_ignored_f_Group,
          OPT__SLASH_O, OPT__SLASH_EH, OPT__SLASH_GR, OPT__SLASH_GR_}))
    return CodegenReason;
  return OtherReason;
}

void Translator::translate(llvm::ArrayRef<const char *> Argv, bool ClSyntax) {
  using namespace opts;
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed =
      Table.ParseArgs(Argv, MissingIndex, MissingCount,
                      llvm::opt::Visibility(ClSyntax ? CLOption : ClangOption));
  Current = &Parsed;
  if (MissingCount)
    T.Error =
        "option '" + std::string(Argv[MissingIndex]) + "' is missing its value";
  std::vector<std::string> ClangArgs; // /clang:ARG, in GNU syntax
  for (const Arg *A : Parsed) {
    const llvm::opt::Option &O = A->getOption();
    if (O.getKind() == llvm::opt::Option::InputClass)
      continue; // the file (verguard names the file it parses)
    if (O.matches(OPT__DASH_DASH))
      continue;
    if (O.matches(OPT_I))
      includeDir(*A, "-I");
    else if (O.matches(OPT_isystem))
      includeDir(*A, "-isystem");
    else if (O.matches(OPT_iquote))
      includeDir(*A, "-iquote");
    else if (O.matches(OPT_idirafter))
      includeDir(*A, "-idirafter");
    else if (O.matches(OPT_D))
      macro("-D", A->getValue());
    else if (O.matches(OPT_U))
      macro("-U", A->getValue());
    else if (O.matches(OPT_include))
      forcedInclude(*A, "-include");
    else if (O.matches(OPT_imacros))
      forcedInclude(*A, "-imacros");
    else if (O.matches(OPT_std_EQ))
      T.Flags.push_back("-std=" + std::string(A->getValue()));
    else if (O.matches(OPT__SLASH_std))
      msvcStd(*A);
    else if (O.matches(OPT_x)) {
      T.Flags.push_back("-x");
      T.Flags.push_back(A->getValue());
    } else if (O.matches(OPT__SLASH_TP)) {
      T.Flags.push_back("-x");
      T.Flags.push_back("c++");
    } else if (O.matches(OPT__SLASH_TC)) {
      T.Flags.push_back("-x");
      T.Flags.push_back("c");
    } else if (O.matches(OPT__SLASH_Tp) || O.matches(OPT__SLASH_Tc))
      continue; // the file, named with its language
    else if (O.matches(OPT__SLASH_MD) || O.matches(OPT__SLASH_MDd) ||
             O.matches(OPT__SLASH_MT) || O.matches(OPT__SLASH_MTd) ||
             O.matches(OPT__SLASH_LDd))
      msvcRuntime(*A);
    else if (O.matches(OPT__SLASH_kernel))
      T.Flags.push_back("-D_KERNEL_MODE");
    else if (O.matches(OPT_municode)) {
      // mingw-w64's g++ defines these for -municode.
      T.Flags.push_back("-DUNICODE");
      T.Flags.push_back("-D_UNICODE");
    } else if (O.matches(OPT__SLASH_clang))
      ClangArgs.push_back(A->getValue());
    else if (O.matches(OPT_f_Group) && keepF(*A))
      T.Flags.push_back(A->getAsString(Parsed));
    else
      drop(*A, reasonFor(*A));
  }
  Current = nullptr;
  if (!ClangArgs.empty()) {
    std::vector<const char *> V;
    for (const std::string &S : ClangArgs)
      V.push_back(S.c_str());
    translate(V, /*ClSyntax=*/false);
  }
}

} // namespace

TranslatedCommand
translateCompileCommand(llvm::ArrayRef<std::string> CommandLine,
                        llvm::StringRef Directory) {
  TranslatedCommand T;
  if (CommandLine.empty())
    return T;
  T.Msvc = isMsvcCommand(CommandLine);
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver(Alloc);
  llvm::SmallVector<const char *, 64> Argv;
  for (const std::string &A : llvm::drop_begin(CommandLine))
    Argv.push_back(Saver.save(A).data());
  llvm::cl::ExpansionContext Expand(
      Alloc, T.Msvc ? llvm::cl::TokenizeWindowsCommandLine
                    : llvm::cl::TokenizeGNUCommandLine);
  Expand.setCurrentDir(Directory);
  if (llvm::Error E = Expand.expandResponseFiles(Argv))
    T.Error = llvm::toString(std::move(E));
  // One that cannot be read is left as it was written.
  for (const char *A : Argv)
    if (A[0] == '@' && T.Error.empty())
      T.Error = "cannot read the response file '" + std::string(A + 1) +
                "' (relative to '" + Directory.str() + "')";
  llvm::erase_if(Argv, [](const char *A) { return A[0] == '@'; });
  // --driver-mode=cl is the driver's to read, not an option of either mode.
  llvm::erase_if(Argv, [](const char *A) {
    return llvm::StringRef(A).starts_with("--driver-mode=");
  });
  Translator(Directory, T.Msvc, T).translate(Argv, T.Msvc);
  return T;
}

std::string describeDropped(const TranslatedCommand &T) {
  // Grouped by reason, in the order the reasons first appear.
  std::vector<std::pair<std::string, std::vector<std::string>>> Groups;
  for (const TranslatedCommand::DroppedArg &D : T.Dropped) {
    auto It = llvm::find_if(Groups,
                            [&](const auto &G) { return G.first == D.Reason; });
    if (It == Groups.end()) {
      Groups.push_back({D.Reason, {}});
      It = std::prev(Groups.end());
    }
    It->second.push_back(D.Arg);
  }
  std::string S;
  for (const auto &[Reason, Args] : Groups) {
    if (!S.empty())
      S += "; ";
    S += llvm::join(Args, " ") + " (" + Reason + ")";
  }
  return S;
}

} // namespace verguard::cpp
