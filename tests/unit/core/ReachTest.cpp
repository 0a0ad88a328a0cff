// The language-neutral closure of core/Reach.h, on hand-made regions.
#include "core/Reach.h"

#include <gtest/gtest.h>

using namespace verguard::core;

namespace {

struct Plan {
  NameTable Names;
  std::vector<ReachRegion> Regions;

  /// A region: "body" or "decl"; Trigger; what it mentions, declares and
  /// defines (names separated by spaces).
  Plan &add(bool Body, bool Trigger, const std::string &Ids,
            const std::string &Decls = "", const std::string &Funcs = "") {
    ReachRegion R;
    R.Body = Body;
    R.Trigger = Trigger;
    auto Split = [&](const std::string &S, std::vector<int> &Out) {
      llvm::SmallVector<llvm::StringRef, 4> Parts;
      llvm::StringRef(S).split(Parts, ' ', -1, false);
      for (llvm::StringRef P : Parts)
        Out.push_back(Names.intern(P));
    };
    Split(Ids, R.Ids);
    Split(Decls, R.Decls);
    Split(Funcs, R.Funcs);
    finishIds(R);
    Regions.push_back(std::move(R));
    return *this;
  }
  /// The kept regions, as their indices.
  std::string kept() {
    llvm::BitVector K = reachRegions(
        Regions.size(),
        [&](size_t I) -> const ReachRegion & { return Regions[I]; },
        Names.size());
    std::string S;
    for (size_t I = 0; I < Regions.size(); ++I)
      if (K.test(I))
        S += (S.empty() ? "" : " ") + std::to_string(I);
    return S;
  }
};

} // namespace

TEST(Reach, TriggersAndHotNamesSpread) {
  Plan P;
  P.add(false, true, "kSp2", "kSp2")           // 0: const kSp2 = 6002
      .add(true, false, "Build kSp2", "", "A") // 1: A() reads kSp2
      .add(true, false, "A", "", "B")          // 2: B() calls hot A
      .add(true, false, "Other", "", "C")      // 3: unrelated
      .add(true, false, "B", "", "D");         // 4: D() calls hot B
  EXPECT_EQ(P.kept(), "0 1 2 4");
}

TEST(Reach, CalleesWritersAndDeclarationsAreNeeded) {
  Plan P;
  P.add(true, true, "GetBuild g", "", "Check") // 0: hot, calls, reads g
      .add(true, false, "os", "", "GetBuild")  // 1: its callee
      .add(true, false, "g Load", "", "Init")  // 2: writes g
      .add(true, false, "Load", "", "Helper")  // 3: no one kept calls it
      .add(false, false, "h Fetch", "h", "")   // 4: declares h, not g
      .add(false, false, "g Fetch", "g", "")   // 5: declares g
      .add(true, false, "x", "", "Fetch");     // 6: g's initializer calls
  // Init (2) calls Load, but Load is defined by no region here: Helper's
  // body (3) mentions it, and naming a function links only to its
  // definition. Fetch (6) is needed through g's declaration (5); the
  // declaration of h (4) is not, though it calls Fetch too.
  EXPECT_EQ(P.kept(), "0 1 2 5 6");
}

TEST(Reach, OnlyDeclaredNamesLink) {
  Plan P;
  P.add(true, true, "printf i", "", "Check")   // 0: hot; printf, i are
      .add(true, false, "printf i", "", "Log") //    declared nowhere
      .add(true, false, "Check", "", "Caller");
  EXPECT_EQ(P.kept(), "0 2");
  // An opaque region is kept and spreads like a hot one.
  Plan Q;
  Q.add(true, false, "x", "", "A").add(true, false, "A", "", "B");
  Q.Regions[0].Opaque = true;
  EXPECT_EQ(Q.kept(), "0 1");
}
