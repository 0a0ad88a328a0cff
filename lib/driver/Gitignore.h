//===- Gitignore.h - .gitignore patterns: syntax and matching ---*- C++ -*-===//
//
// One pattern language for the .gitignore files the walk reads and for the
// include/exclude lists of .verguard.yaml, with git's rules (gitignore(5)):
//
//   third_party    no `/` but at the end: a name at any depth
//   scripts/       a trailing `/`: directories only
//   /src/*         a `/` at the start or inside: relative to the directory
//                  of the file that holds the pattern
//   **/gen/**      `**` as a whole component crosses directories; `*`, `?`
//                  and `[...]` never match `/`
//   !keep.ps1      negation: a later match overrides an earlier one
//
// Matching is git's wildmatch with WM_PATHNAME, case-sensitive.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_GITIGNORE_H
#define VERGUARD_DRIVER_GITIGNORE_H

#include "llvm/ADT/StringRef.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace verguard::driver {

/// git's wildmatch(Pattern, Text, WM_PATHNAME): `*`, `?` and brackets do not
/// match `/`; `**` between slashes (or at either end) matches any number of
/// directories.
bool wildmatch(llvm::StringRef Pattern, llvm::StringRef Text);

struct GlobRule {
  std::string Text;           // as written
  std::string Glob;           // without `!`, a leading `/` and a trailing `/`
  bool Negated = false;       // `!pattern`
  bool DirOnly = false;       // `pattern/`
  bool Anchored = false;      // a `/` before the end: matched against the whole
                              // relative path, otherwise against the last name
  unsigned Line = 0, Col = 0; // where it was written (1-based; 0: unknown)
  /// How Glob is matched: a plain name, `*` + a plain suffix, or wildmatch.
  enum class Kind : uint8_t { Literal, Suffix, Wild } How = Kind::Wild;
  bool matches(llvm::StringRef Rel, bool IsDir) const;
};

/// A pattern as written on a .gitignore line; none for a blank line or a
/// comment (`#`). Trailing spaces are dropped unless escaped (`\ `).
std::optional<GlobRule> parseGlobRule(llvm::StringRef Line,
                                      bool AllowComment = true);

/// An ordered list of patterns relative to one directory: the last pattern
/// that matches a path decides.
class GlobList {
public:
  GlobList() = default;
  explicit GlobList(std::vector<GlobRule> Rules, bool TrackUse = false);
  GlobList(GlobList &&) = default;
  GlobList &operator=(GlobList &&) = default;

  bool empty() const { return Rules.empty(); }
  const std::vector<GlobRule> &rules() const { return Rules; }

  /// The last rule that matches Rel ('/'-separated, relative to the list's
  /// directory), or null. With TrackUse, every rule that matches is marked.
  const GlobRule *match(llvm::StringRef Rel, bool IsDir) const;
  /// Rel and each directory above it, from the top: the last rule that
  /// matches at the deepest level where one does, as `true` (a plain rule)
  /// or `false` (a negated one); none if no rule matches at any level.
  std::optional<bool> decide(llvm::StringRef Rel) const;
  /// The rule behind decide(): the last rule that matches at the deepest
  /// level where one does, or null.
  const GlobRule *decidingRule(llvm::StringRef Rel) const;
  /// With TrackUse: the rules that never matched a path so far.
  std::vector<const GlobRule *> unused() const;

private:
  std::vector<GlobRule> Rules;
  std::unique_ptr<std::atomic<bool>[]> Used; // with TrackUse
};

/// The patterns of a .gitignore (or .git/info/exclude) file.
GlobList parseGitignore(llvm::StringRef Text);

} // namespace verguard::driver

#endif
