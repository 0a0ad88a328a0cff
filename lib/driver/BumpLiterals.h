//===- BumpLiterals.h - the literals a bump separates -----------*- C++ -*-===//
//
// A guard can only flip across a bump if the program holds a literal that
// the bump separates (../shared/DESIGN.md, "What can flip"): a build in
// [before, after] of an enabled bump, in any notation, or a version string
// holding one; or a revision threshold between the bump's two revisions,
// together with a source of the revision. This is that ground, derived from
// the profiles, the enabled bumps and the source table, for the prefilter.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_DRIVER_BUMPLITERALS_H
#define VERGUARD_DRIVER_BUMPLITERALS_H

#include "core/FrontendOptions.h"
#include "core/Profile.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::driver {

struct BumpLiterals {
  struct Interval {
    double Lo = 0, Hi = 0;
    bool contains(double V) const { return Lo <= V && V <= Hi; }
  };
  /// [before, after] (ordered) of each enabled bump's builds.
  std::vector<Interval> Builds;
  /// The two revisions of each enabled bump whose revisions differ (a
  /// servicing bump that restarted the counter): a threshold in between
  /// flips.
  std::vector<Interval> Revisions;
  /// Every build in Builds, in decimal.
  std::vector<std::string> BuildDigits;
  /// Names of revision sources (lower case): the table's revision words and
  /// the entries of quantity revision.
  std::vector<std::string> RevisionWords;
  /// The user's `sources:` names (lower case): a file naming one is read.
  std::vector<std::string> SourceNames;

  static BumpLiterals of(const core::ProfileSet &Profiles,
                         llvm::ArrayRef<const core::Bump *> Bumps,
                         llvm::ArrayRef<core::UserSource> User = {});
  /// Those of the built-in profiles' enabled bumps.
  static BumpLiterals defaults();

  enum Hit : unsigned { None = 0, Build = 1, Revision = 2 };
  /// What a number of this value separates: a build of a bump (also in the
  /// high word of a 32-bit value: GetVersion(), dwFileVersionLS), or a
  /// revision threshold.
  unsigned number(double V) const;
  /// What a run of decimal digits inside text separates (Next: the
  /// character after it, or 0): a build (`"6.0.6002"`), a number starting
  /// with one (`"6.0.60025"` compares between the two version strings), a
  /// build's leading digits before a pattern's `[` or `(` (`'600[23]'`), or
  /// a revision threshold.
  unsigned digits(llvm::StringRef Run, char Next) const;
};

} // namespace verguard::driver

#endif
