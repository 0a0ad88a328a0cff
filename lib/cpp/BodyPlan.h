//===- BodyPlan.h - which function bodies a parse may skip ------*- C++ -*-===//
//
// Most of a C/C++ parse is spent in function bodies (and the templates they
// instantiate), and most bodies of a file that passed the prefilter hold
// nothing a finding can depend on. The plan reads the raw tokens of the main
// file and of the project headers the parse enters, cuts them into regions
// (function bodies, and declarations or macro definitions outside bodies),
// and keeps every body a finding could depend on (core/Reach.h):
//
//   - hot: a body holding a trigger literal (the prefilter's: the bumped
//     builds, the revision sources, user sources), or naming something hot:
//     a declaration or macro holding a trigger or naming something hot, or
//     a function whose body is hot;
//   - needed: a body whose function a hot or needed region names (its
//     returns and out-parameters feed values), or that names a variable or
//     field such a region names (its assignments feed values); and a
//     declaration of such a variable is needed too (its initializer can
//     call a function whose result the check reads).
//
// "Names" means: a region mentions an identifier the project declares
// (a declarator name outside bodies, a function or macro name). Everything
// else (locals, library names, keywords) links nothing. The closure is an
// over-approximation of the frontend's own reach (same-TU returns, out-
// parameters, assignments, initializers, constants): a body it drops cannot
// change a finding. A file whose braces cannot be trusted (a conditional
// directive whose branches open or close different braces, unbalanced
// braces) has nothing skipped.
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CPP_BODYPLAN_H
#define VERGUARD_CPP_BODYPLAN_H

#include "core/Reach.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::cpp {

class BodyPlan {
public:
  /// Triggers: lower-case literals, as the prefilter uses them. With none,
  /// nothing is ever skipped.
  explicit BodyPlan(std::vector<std::string> Triggers);

  /// Adds the main file's text (its bodies may be skipped) or a project
  /// header's (its bodies are always parsed, but link regions). A header
  /// added after a body was skipped can make that body needed: see
  /// skippedButNeeded(). Text must be followed by a NUL, as Clang's file
  /// buffers and std::string are (the raw lexer stops there).
  void addFile(llvm::StringRef Text, bool Main);

  /// Whether the body of the main-file function named at DeclOffset (a
  /// byte offset in its declaration, before the body's '{') may be
  /// skipped. False for any body the plan does not know.
  bool canSkip(unsigned DeclOffset);

  /// Whether a body that canSkip() allowed is needed after all (a header
  /// added later linked it): the parse must then be redone in full.
  bool skippedButNeeded();

  /// Main-file bodies the plan found, and how many of them it keeps.
  unsigned mainBodies() const;
  unsigned keptMainBodies();
  bool trusted() const { return Trusted; }

private:
  // Opaque: a body always kept (no name, an #include). Decls: variables,
  // fields, constants, types, macros. Funcs: the functions it declares
  // (bodies: their own).
  struct Region : core::ReachRegion {
    bool Main = false;
    unsigned Begin = 0; // first byte (bodies: of their declaration)
    unsigned Brace = 0; // bodies: offset of their '{'
    unsigned End = 0;   // one past the last byte
  };
  int intern(llvm::StringRef S) { return Names.intern(S); }
  void scan(llvm::StringRef Text, bool Main);
  void solve();

  std::vector<std::string> Triggers;
  core::NameTable Names;
  std::vector<Region> Regions;
  llvm::BitVector Kept; // per region, after solve()
  bool Dirty = true;
  bool Trusted = true;
  bool SawMain = false;
  std::vector<size_t> Skipped; // regions canSkip() allowed
};

} // namespace verguard::cpp

#endif
