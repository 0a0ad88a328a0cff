//===- CppFrontend.h - C and C++ through Clang LibTooling -------*- C++ -*-===//
#ifndef VERGUARD_CPP_CPPFRONTEND_H
#define VERGUARD_CPP_CPPFRONTEND_H

#include "core/Finding.h"
#include "core/FrontendOptions.h"
#include "core/Guard.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace clang::tooling {
class ClangTool;
}

namespace verguard::cpp {

/// The mingw-w64 Windows headers used without a compile database.
inline constexpr const char *MingwInclude = "/usr/x86_64-w64-mingw32/include";

/// Finds and caches compile_commands.json files: the one given with -p, or
/// the nearest one above each analyzed file. Thread-safe.
class CompileDatabases {
public:
  explicit CompileDatabases(std::string ExplicitDir = "");
  ~CompileDatabases();
  /// The database for File, or null to parse standalone. A database that
  /// cannot be loaded is reported once in Diags and ignored.
  /// With Consulted, every compile_commands.json looked for is added to it,
  /// there or not (a result cache depends on both).
  const clang::tooling::CompilationDatabase *
  forFile(llvm::StringRef File, std::vector<core::Diagnostic> &Diags,
          std::vector<std::string> *Consulted = nullptr);

private:
  std::string ExplicitDir;
  std::mutex Lock;
  struct Entry;
  std::vector<std::unique_ptr<Entry>> Loaded;
  std::vector<std::pair<std::string, Entry *>> ByDir;
};

/// The compiler arguments verguard uses without a compile database:
/// the mingw-w64 target and headers (ddk/ for kernel code), the file's own
/// directory and its parents' include/ directories, and ExtraArgs.
std::vector<std::string> standaloneArgs(llvm::StringRef File,
                                        llvm::StringRef Text,
                                        const std::vector<std::string> &Extra);

/// Parses one C/C++ file (a translation unit, or a header on its own) and
/// lowers its guards and those of the project headers it includes. Missing
/// headers, parse errors and a Clang crash become Diagnostics naming the
/// file; whatever could be parsed is still analyzed. With Deps, the other
/// files the result depends on are added to it (absolute paths): every file
/// Clang found (headers, also those a precompiled header stands for) and
/// every compile_commands.json looked for, there or not.
void analyzeFile(llvm::StringRef Path, llvm::StringRef Bytes,
                 CompileDatabases &Dbs, const core::FrontendOptions &Opts,
                 std::vector<core::Guard> &Guards,
                 std::vector<core::Diagnostic> &Diags,
                 std::vector<std::string> *Deps = nullptr);

/// How many Clang crashes were contained in this process. A crashed parse
/// can leave LLVM state (timers) that is unsafe to tear down at exit.
unsigned recoveredCrashes();

/// How many function bodies the C/C++ parses of this process skipped
/// (FrontendOptions::Triggers, cpp/BodyPlan.h).
uint64_t skippedBodies();

/// Whether Path names a header (.h, .hh, .hpp, .hxx, .inl).
bool isHeader(llvm::StringRef Path);

/// Clang's resource directory (builtin headers), found at run time.
std::string clangResourceDir();

/// Sets up Tool as every run of Clang on a file here wants it: Clang's
/// resource directory, nothing printed and no error limit, no spelling
/// suggestions.
void quietClang(clang::tooling::ClangTool &Tool);

} // namespace verguard::cpp

#endif
