//===- Pch.h - precompiled include prefixes ---------------------*- C++ -*-===//
//
// Parsing the Windows and C++ library headers is nearly all of a standalone
// translation unit's cost, and most files of a project start with the same
// few system includes. verguard precompiles that leading include prefix once
// (with the installed clang-19) and parses each file with -include-pch of it.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CPP_PCH_H
#define VERGUARD_CPP_PCH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Chrono.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace verguard::cpp {

/// One directive of a leading include prefix, normalized
/// ("#include <windows.h>", "#define _WIN32_WINNT 0x0600").
struct PrefixLine {
  bool Include = false; // else an object-like #define
  std::string Name;     // the header (without <>) or the macro's name
  std::string Text;     // the normalized directive
};

/// Reads the project header a quoted `#include "Name"` in a file of
/// directory Dir names: its text and path, or none if it is not found.
using ProjectHeaderFn =
    std::function<std::optional<std::pair<std::string, std::string>>(
        llvm::StringRef Name, llvm::StringRef Dir)>;

/// The file's leading include prefix: the directives of the maximal run at
/// the top of Text of blank lines, comments, `#include <...>`, `#pragma once`
/// and object-like `#define NAME [value]` lines, up to its last angle
/// include (later #defines cannot change what it declares; #pragma once is
/// dropped). Empty when the run holds no angle include. It stops at anything
/// else: a conditional, code, a function-like macro, a #define whose value
/// holds a quote or a block comment, a continued line; and at a quoted
/// include, unless Header reads it: then the run goes on through that
/// project header's own leading run (its include guard skipped) in place,
/// and on in the file after it if that header holds nothing else. So a file
/// that starts with `#include "stdafx.h"` gets the system headers stdafx.h
/// includes, with the macros it defines before them, and never a project
/// header's code: its findings stay in the file's own parse.
std::vector<PrefixLine> leadingIncludePrefix(llvm::StringRef Text,
                                             const ProjectHeaderFn &Header = {},
                                             llvm::StringRef Dir = "");

/// The include prefix of the file at Path (text Text) as Clang's
/// preprocessor sees it with the parse's Flags, for files whose system
/// headers come through conditionals or function-like macros of project
/// headers (git's `#include "git-compat-util.h"`), which the textual walk
/// above stops at: every system header that a file of the project includes
/// before the first token of code in a file of the project, in order, with
/// the macros those files define (#define, #undef) between them, their
/// include guards left out. A project header's own text is never in it:
/// the parse reads it again, its includes then empty (their guards are
/// defined), its definitions the same again. Empty if there is no such
/// header, or if the prefix cannot be stated so (#include_next or #import
/// from the project, #pragma push_macro/pop_macro).
std::vector<PrefixLine>
preprocessedIncludePrefix(llvm::StringRef Path, llvm::StringRef Text,
                          const std::vector<std::string> &Flags);

/// Cuts Prefix before its first include that a file in one of IncludeDirs
/// (the project's -I directories) would shadow, and trims what is left to
/// its last include; the system header is then not the one the file gets.
void dropShadowedIncludes(std::vector<PrefixLine> &Prefix,
                          llvm::ArrayRef<std::string> IncludeDirs);

/// The precompiled header's source: the directives, one per line.
std::string prefixHeaderText(llvm::ArrayRef<PrefixLine> Prefix);

/// A precompiled header of HeaderText ("#include <...>" lines) for Flags and
/// the language, from the user's cache ($XDG_CACHE_HOME/verguard, else
/// ~/.cache/verguard), built there with clang-19 if need be; null if there
/// is none (yet) or it cannot be built.
///
/// With BuildOnFirstUse false a missing one is built only the second time
/// the same key is asked for (in this process or, through a marker file, in
/// an earlier run): a build costs more than a parse without it.
///
/// Thread-safe: threads that want the same header wait for one build;
/// processes share the cache through an atomic rename. The cache keeps at
/// most 64 precompiled headers and 1 GiB, evicting the least recently used
/// (by modification time, which each process touches on first use).
std::optional<std::string> prefixPch(llvm::StringRef HeaderText,
                                     const std::vector<std::string> &Flags,
                                     bool IsC, bool BuildOnFirstUse);

/// A precompiled header that Clang refused (stale, foreign, truncated):
/// removed from the cache and not handed out again by this process.
void discardPch(llvm::StringRef PchPath);

/// The cache directory (created if need be).
std::string pchCacheDir();

/// A regular file of a cache directory, as its least-recently-used eviction
/// sees it (the result cache shares this with the precompiled headers).
struct CacheFile {
  std::string Path;
  llvm::sys::TimePoint<> Time; // last modification: the last use
  uint64_t Size;
};
/// The regular files directly in Dir.
std::vector<CacheFile> cacheFiles(llvm::StringRef Dir);
/// The entries of Dir (files but temporary ones, ".tmp" in their name), most
/// recently used first; a temporary file an hour old (a writer that died: a
/// live one renames within seconds) is removed.
std::vector<CacheFile> cacheEntriesNewestFirst(llvm::StringRef Dir);
/// Marks Path used now (its modification time).
void touchCacheFile(const std::string &Path);
/// Writes Text to a temporary file beside Path, unique per process and
/// thread: its name, or "" if it could not be written whole (then no file
/// is left).
std::string writeTemporary(const std::string &Path, llvm::StringRef Text);
/// Replaces Path with Text atomically (a temporary file renamed over it): a
/// reader sees the old file, the new one or none. False if not written.
bool replaceFile(const std::string &Path, llvm::StringRef Text);

} // namespace verguard::cpp

#endif
