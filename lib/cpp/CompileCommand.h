//===- CompileCommand.h - a compile database's command, for verguard -*- C++
//-*-===//
//
// verguard parses every C/C++ file as Windows code, for the mingw-w64 target
// whose headers it has (they stand in for the Windows SDK and the Visual C++
// headers). A compile_commands.json entry was written for another compiler
// (MSVC cl.exe, clang-cl, a g++ for Linux or for mingw-w64): of its command
// line verguard keeps what changes what the code means (include directories,
// macros, forced includes, the language standard) in the clang driver's
// GNU spelling, and drops the rest (output, warnings, optimization, code
// generation, precompiled headers, the target, the host's system headers),
// each with the reason, which --verbose prints.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CPP_COMPILECOMMAND_H
#define VERGUARD_CPP_COMPILECOMMAND_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::cpp {

struct TranslatedCommand {
  /// The compiler arguments that matter, GNU spelling, paths absolute (no
  /// compiler, no input file).
  std::vector<std::string> Flags;
  /// An argument of the entry left out, as written, and why.
  struct DroppedArg {
    std::string Arg, Reason;
  };
  std::vector<DroppedArg> Dropped;
  /// An error reading the command (a response file that cannot be read, an
  /// option missing its value); what could be read is still used.
  std::string Error;
  bool Msvc = false; // a cl.exe or clang-cl command line
};

/// Translates CommandLine (argv[0] is the compiler) of an entry whose
/// "directory" is Directory. Response files (@file) are expanded relative
/// to Directory, with Windows quoting for MSVC command lines.
TranslatedCommand
translateCompileCommand(llvm::ArrayRef<std::string> CommandLine,
                        llvm::StringRef Directory);

/// Whether argv[0] names MSVC's compiler or clang-cl (or the command line
/// asks for --driver-mode=cl).
bool isMsvcCommand(llvm::ArrayRef<std::string> CommandLine);

/// "--verbose" text for a file: the arguments dropped, grouped by reason.
std::string describeDropped(const TranslatedCommand &T);

} // namespace verguard::cpp

#endif
