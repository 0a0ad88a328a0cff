//===- Project.h - the .cs files of one C# project ---------------*- C++
//-*-===//
//
// C# code names constants, enums, static fields, properties and methods
// declared in another file of its project (`(int)WindowsBuilds.Win11_22H2`
// with the enum in Enums.cs; a partial class split over files). A project is
// the folder of the nearest .sln/.slnx above a file (not past a .git), else
// of the nearest .csproj, else the file's own folder. Its index maps each
// type declared in one of its .cs files to those files: built once per run,
// from a scan of the text (no parse), and only when a name is unresolved.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CSHARP_PROJECT_H
#define VERGUARD_CSHARP_PROJECT_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"

#include <memory>
#include <string>
#include <vector>

namespace verguard::csharp {

/// The project folder of the .cs file Path.
std::string projectRoot(llvm::StringRef Path);

/// The files of Path's project other than Path that declare the type Name
/// (a partial class: each of its files), sorted.
std::vector<std::string> declaringFiles(llvm::StringRef Path,
                                        llvm::StringRef Name);

/// The type names declared (class, struct, record, interface, enum) in C#
/// text, comments and strings aside.
std::vector<std::string> declaredTypes(llvm::StringRef Text);

/// The types declared in C# Text whose declaration Holds() (a literal a
/// bump separates), from its type keyword to the end of its body; and those
/// whose declaration names such a type of the same text.
llvm::StringSet<> hotTypes(llvm::StringRef Text,
                           llvm::function_ref<bool(llvm::StringRef)> Holds);

/// For the prefilter: whether Text (the .cs file Path, which holds no
/// separating literal itself) names a type declared in another file of its
/// project whose declaration there is hot (hotTypes()). The project's hot
/// types are found once per run and HoldsKey (what Holds tests: the
/// settings of the prefilter asking). Deps gets the project's .cs files and
/// folders, shared by all its files: a verdict on Path depends on every
/// file of the project (any may come to declare a type Path names, a new
/// one too, which changes its folder).
/// Holds(T, Quiet) also tells, with Quiet, whether a whole file's text T is
/// quiet: nothing in it for the analysis to look at (no literal, no
/// suppression comment).
bool projectHolds(
    llvm::StringRef Path, llvm::StringRef Text,
    llvm::function_ref<bool(llvm::StringRef, bool *Quiet)> Holds,
    llvm::StringRef HoldsKey,
    std::shared_ptr<const std::vector<std::string>> *Deps = nullptr);

/// For the prefilter, before Path is read: whether the hot types of Path's
/// project (for HoldsKey) are known already, there are none, and Path was
/// quiet when they were found. projectHolds() is then false whatever Path's
/// text, and the file need not be read again (each of a project's files
/// would otherwise be read and searched twice). Deps as for projectHolds().
bool projectQuiet(llvm::StringRef Path, llvm::StringRef HoldsKey,
                  std::shared_ptr<const std::vector<std::string>> *Deps);

} // namespace verguard::csharp

#endif
