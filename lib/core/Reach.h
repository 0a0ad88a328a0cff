//===- Reach.h - which regions of a file a finding can depend on -*- C++
//-*-===//
//
// A frontend that may leave parts of a file unparsed (C/C++ function bodies,
// script procedures) cuts the file's raw text into regions and keeps every
// region a finding could depend on. The regions link through names: the
// identifiers each one mentions, the functions it defines and the variables
// it declares (or, for scripts, the script-level variables it may write).
// The closure is language-neutral:
//
//   - hot: a region holding a trigger literal (the prefilter's), opaque to
//     the scan, or mentioning something hot: a function or variable that a
//     hot region defines;
//   - needed: a body defining a function that a kept region mentions (its
//     results feed values), or mentioning a variable a kept region mentions
//     (its assignments feed values); a declaration declaring such a
//     variable (its initializer feeds it).
//
// Only declared names link: a word no region declares (a local, a library
// name, a keyword) links nothing. A region the result does not keep holds
// nothing a finding can depend on, as far as the lowerings look: they follow
// values through same-file returns, out-parameters, assignments,
// initializers and constants, all of which name what they link.
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_CORE_REACH_H
#define VERGUARD_CORE_REACH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace verguard::core {

struct ReachRegion {
  bool Body = false;      // a function body (skippable), not a declaration
  bool Trigger = false;   // holds a trigger literal
  bool Opaque = false;    // always kept: the scan cannot name what it links
  std::vector<int> Ids;   // names mentioned (sorted, unique)
  std::vector<int> Decls; // variables, constants, types, macros it declares
  std::vector<int> Funcs; // functions it defines
};

/// Interns names for ReachRegion (ids are dense, from 0).
class NameTable {
public:
  int intern(llvm::StringRef S) {
    return Names.try_emplace(S, (int)Names.size()).first->second;
  }
  size_t size() const { return Names.size(); }

private:
  llvm::StringMap<int> Names;
};

/// Sorts and de-duplicates R.Ids (call once a region is complete).
void finishIds(ReachRegion &R);

/// Whether Text (lower case) contains any of the lower-case triggers.
bool holdsTrigger(llvm::StringRef LowerText,
                  llvm::ArrayRef<std::string> Triggers);

/// The regions a finding can depend on (one bit per region), over N regions
/// given by At and names interned up to NumNames.
llvm::BitVector reachRegions(size_t N,
                             llvm::function_ref<const ReachRegion &(size_t)> At,
                             size_t NumNames);

} // namespace verguard::core

#endif
