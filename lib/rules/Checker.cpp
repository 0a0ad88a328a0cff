//===- Checker.cpp --------------------------------------------------------===//
#include "rules/Checker.h"

#include "core/Flow.h"
#include "rules/Candidates.h"
#include "rules/Rule.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>
#include <set>

namespace verguard::rules {

using namespace core;

CheckConfig defaultCheckConfig() {
  CheckConfig C;
  C.Profiles = &builtinProfiles();
  for (const Bump &B : C.Profiles->Bumps)
    if (B.Enabled)
      C.Bumps.push_back(&B);
  return C;
}

bool CheckConfig::enabled(const std::string &Id) const {
  if (CommandLine.Disable.count(Id))
    return false;
  if (CommandLine.Enable.count(Id))
    return true;
  if (CommandLine.Select)
    return CommandLine.Select->count(Id) != 0;
  return !DisabledRules.count(Id);
}

namespace {

std::string shorten(llvm::StringRef S) {
  std::string One;
  bool Space = false;
  for (size_t I = 0; I < S.size(); ++I) {
    char C = S[I];
    // A backslash ending a line continues it (C, C++, Python): a blank.
    bool Continues =
        C == '\\' && I + 1 < S.size() && (S[I + 1] == '\n' || S[I + 1] == '\r');
    if (C == '\n' || C == '\r' || C == '\t' || C == ' ' || Continues) {
      Space = true;
      continue;
    }
    if (Space && !One.empty())
      One += ' ';
    Space = false;
    One += C;
  }
  if (One.size() > 80)
    One = One.substr(0, 77) + "...";
  return One;
}

std::string describeOutcome(const Guard &G, const Outcome &O,
                            int PreferArm = -1) {
  if (!O.Known)
    return "unknown";
  if (G.Kind == GuardKind::Condition)
    return O.V[0] ? "true" : "false";
  if (O.V.empty())
    return G.Kind == GuardKind::Table ? "nothing" : "the default arm";
  std::string S;
  for (int64_t V : O.V) {
    // A table's outcome is the value found (entries with equal values share
    // a ValueId): quote the entry the finding is about if it has that
    // value (`6002` of a list of builds), else the first entry with it.
    int64_t I = V;
    if (G.Kind == GuardKind::Table) {
      if (PreferArm >= 0 && PreferArm < (int)G.Arms.size() &&
          G.Arms[PreferArm].ValueId == V)
        I = PreferArm;
      else
        for (size_t K = 0; K < G.Arms.size(); ++K)
          if (G.Arms[K].ValueId == V) {
            I = K;
            break;
          }
    }
    if (I < 0 || I >= (int64_t)G.Arms.size())
      continue;
    const Arm &A = G.Arms[I];
    if (!S.empty())
      S += ", ";
    S += !A.Label.Text.empty()        ? "`" + shorten(A.Label.Text) + "`"
         : G.Kind == GuardKind::Table ? "entry " + std::to_string(I + 1)
                                      : "arm " + std::to_string(I + 1);
  }
  return S;
}

/// Notes on the constants of the atom written by name: where each name's
/// value is written (`#define SP2_BUILD 6002`), in source order.
std::vector<RelatedLocation> definitionsIn(const Expr &Atom) {
  std::vector<RelatedLocation> Out;
  auto Add = [&](RelatedLocation R) {
    if (llvm::none_of(
            Out, [&](const RelatedLocation &O) { return O.Where == R.Where; }))
      Out.push_back(std::move(R));
  };
  std::vector<const Expr *> Stack{&Atom};
  while (!Stack.empty()) {
    const Expr *E = Stack.back();
    Stack.pop_back();
    bool Version = constantVersion(*E);
    if ((E->isConst() || Version) && E->DefinedAt.valid() &&
        E->Written.valid()) {
      std::string Value = Version ? "version " + E->Kids[0]->Str
                          : E->Kind == Op::StrConst ? "\"" + E->Str + "\""
                                                    : std::to_string(E->Int);
      Add({E->DefinedAt,
           "`" + shorten(E->Written.Text) + "` is defined here as " + Value});
    }
    // A pattern written away from the test (`_LAB = re.compile(r"^6002\.")`
    // matched later): where it is written, which its fix edits.
    if ((E->Kind == Op::Regex || E->Kind == Op::Like) && E->Kids.size() > 1 &&
        E->Kids[1] && E->Kids[1]->Kind == Op::StrConst &&
        !E->Kids[1]->DefinedAt.valid() && E->Kids[1]->Written.valid() &&
        Atom.Written.valid() &&
        !Atom.Written.Span.contains(E->Kids[1]->Written.Span)) {
      const Expr &P = *E->Kids[1];
      Add({P.Written.Span,
           "the pattern `" + shorten(P.Written.Text) + "` is written here"});
    }
    for (const ExprPtr &K : E->Kids)
      if (K)
        Stack.push_back(K.get());
  }
  llvm::sort(Out, [](const RelatedLocation &A, const RelatedLocation &B) {
    return A.Where < B.Where;
  });
  return Out;
}

/// Whether Text holds Build as a number of its own ("6.0.6002", "6002*",
/// `6\.0\.6002`), not inside a longer one ("16002", "60021").
bool spellsBuild(llvm::StringRef Text, int64_t Build) {
  std::string B = std::to_string(Build);
  for (size_t I = Text.find(B); I != llvm::StringRef::npos;
       I = Text.find(B, I + 1)) {
    size_t E = I + B.size();
    if ((I == 0 || !llvm::isDigit(Text[I - 1])) &&
        (E == Text.size() || !llvm::isDigit(Text[E])))
      return true;
  }
  return false;
}

bool holdsBuild(const Expr &E, int64_t Build) {
  if (E.Kind == Op::IntConst)
    return E.Int == Build;
  if (E.Kind == Op::StrConst)
    return spellsBuild(E.Str, Build);
  return llvm::any_of(
      E.Kids, [&](const ExprPtr &K) { return K && holdsBuild(*K, Build); });
}

/// The operand an identity test of Build compares (the other side of
/// `== 6002`, the string of `-like '6.0.6002*'`, the value of `Case 6002`),
/// if T is one, outside any negation; a threshold or a range is not.
const Expr *identifiedBy(const Expr &T, int64_t Build) {
  switch (T.Kind) {
  case Op::And:
  case Op::Or:
    for (const ExprPtr &K : T.Kids)
      if (const Expr *S = K ? identifiedBy(*K, Build) : nullptr)
        return S;
    return nullptr;
  case Op::Cmp:
    if (T.Cmp != CmpOp::EQ || T.Kids.size() != 2)
      return nullptr;
    if (holdsBuild(*T.Kids[1], Build))
      return T.Kids[0].get();
    if (holdsBuild(*T.Kids[0], Build))
      return T.Kids[1].get();
    return nullptr;
  case Op::StartsWith:
  case Op::EndsWith:
  case Op::Contains:
  case Op::Like:
  case Op::Regex:
    return !T.has(FlagNegated) && T.Kids.size() == 2 &&
                   holdsBuild(*T.Kids[1], Build)
               ? T.Kids[0].get()
               : nullptr;
  case Op::Element:
    for (size_t I = 1; I < T.Kids.size(); ++I)
      if (holdsBuild(*T.Kids[I], Build))
        return T.Kids[0].get();
    return nullptr;
  default:
    return nullptr;
  }
}

/// The operand and the bound of a lower bound (`b >= 22631`, `22631 <= b`),
/// if T is one. `b > 22630` is not: it is spelled from the build below
/// ("newer than SP2", `> 6002`), and names that one.
std::optional<std::pair<const Expr *, int64_t>> lowerBound(const Expr &T) {
  if (T.Kind != Op::Cmp || T.Kids.size() != 2 || !T.Kids[0] || !T.Kids[1])
    return std::nullopt;
  if (T.Cmp == CmpOp::GE && T.Kids[1]->Kind == Op::IntConst)
    return std::make_pair(T.Kids[0].get(), T.Kids[1]->Int);
  if (T.Cmp == CmpOp::LE && T.Kids[0]->Kind == Op::IntConst)
    return std::make_pair(T.Kids[1].get(), T.Kids[0]->Int);
  return std::nullopt;
}

/// The operand a lower bound exactly at Build bounds, if T is one: an arm of
/// a threshold ladder that the machines of Build take.
const Expr *lowerBoundAt(const Expr &T, int64_t Build) {
  auto B = lowerBound(T);
  return B && B->second == Build ? B->first : nullptr;
}

/// The first test of a condition guard, outside its `&&`/`||`, for which F
/// returns true (F sees every one until then).
const Expr *findTest(const Guard &G, llvm::function_ref<bool(const Expr &)> F) {
  if (G.Kind != GuardKind::Condition || !G.Cond)
    return nullptr;
  std::vector<const Expr *> Stack{G.Cond.get()};
  while (!Stack.empty()) {
    const Expr *E = Stack.back();
    Stack.pop_back();
    if (E->Kind == Op::And || E->Kind == Op::Or) {
      for (const ExprPtr &K : E->Kids)
        if (K)
          Stack.push_back(K.get());
      continue;
    }
    if (F(*E))
      return E;
  }
  return nullptr;
}

bool isTrue(const Expr &T, const Profile &P, const Assignment &A,
            const Value &Subject = {}) {
  Value V = evaluate(T, P, A, Subject);
  return V.K == Value::Int && V.I != 0;
}

/// The arm of a Select or Table guard that P takes by a test naming P's own
/// build (`case 6002:`, the key 22621), or -1.
int ownArm(const Guard &G, const Profile &P, const Assignment &A) {
  Value S = G.Subject ? evaluate(*G.Subject, P, A) : Value::unknown();
  for (size_t I = 0; I < G.Arms.size(); ++I)
    for (const ExprPtr &T : G.Arms[I].Tests) {
      if (!isTrue(*T, P, A, S))
        continue;
      if (identifiedBy(*T, P.build()))
        return int(I);
      if (G.FirstMatchOnly)
        return -1; // taken by an arm that does not name the build
    }
  return -1;
}

/// A Select or Table guard with an arm of its own for each build of the bump
/// (`case 6002:` and `case 6003:`; keys 22621 and 22631): bump-aware
/// identification, silent whatever the two arms do (DESIGN.md, Evidence).
bool namesBothBuilds(const Guard &G, const Profile &Before,
                     const Profile &After, const Assignment &A) {
  if (G.Kind == GuardKind::Condition)
    return false;
  int B = ownArm(G, Before, A), F = ownArm(G, After, A);
  return B >= 0 && F >= 0 && B != F;
}

/// For a Condition guard: the key (function and operand) of the identity
/// test of P's build that holds on P and not on Other (`b == 6002` on 6002),
/// if there is one. Two guards of one function with such tests on the same
/// operand, one for each build of a bump, are an if-else ladder that knows
/// both builds.
/// The lower bounds each operand of a function is tested against, keyed
/// like identityKey's keys (function and operand).
using BoundMap = std::map<std::string, std::set<int64_t>>;

/// Whether a lower bound at Build on the operand Key is an arm of its own in
/// a threshold ladder: another arm of the ladder bounds the operand above
/// Build at or below the next known release (`>= 22631` below `>= 26100`),
/// or no release is known above Build. `== 6002` then `>= 6003` is not:
/// 7600 and later share the arm of 6003.
bool ownThresholdArm(const std::string &Key, int64_t Build,
                     const BoundMap &Bounds,
                     const std::vector<int64_t> &KnownBuilds) {
  auto Next = std::upper_bound(KnownBuilds.begin(), KnownBuilds.end(), Build);
  if (Next == KnownBuilds.end())
    return true;
  auto B = Bounds.find(Key);
  if (B == Bounds.end())
    return false;
  auto Y = B->second.upper_bound(Build);
  return Y != B->second.end() && *Y <= *Next;
}

/// Every lower bound (`x >= N`, `N <= x`) the condition guards test, by
/// function and operand.
BoundMap lowerBounds(const std::vector<Guard> &Guards) {
  BoundMap Out;
  for (const Guard &G : Guards)
    findTest(G, [&](const Expr &E) {
      if (auto B = lowerBound(E))
        Out[G.Function + "\n" + toString(*B->first)].insert(B->second);
      return false;
    });
  return Out;
}

std::optional<std::string> identityKey(const Guard &G, const Profile &P,
                                       const Profile &Other,
                                       const BoundMap &Bounds,
                                       const std::vector<int64_t> &Known) {
  std::optional<std::string> Key;
  // Only a guard that tells the two builds apart is an identity arm for
  // one of them (`b == 6002 || b == 6003` names 6003 but treats it as 6002).
  bool Separates = isFragile(G, P, Other);
  findTest(G, [&](const Expr &E) {
    const Expr *Operand = identifiedBy(E, P.build());
    if (Operand && Separates && isTrue(E, P, Assignment()) &&
        !isTrue(E, Other, Assignment())) {
      Key = G.Function + "\n" + toString(*Operand);
      return true;
    }
    // A threshold ladder names a build by a lower bound exactly at it
    // (`>= 22631` "23H2", `>= 22621` "22H2"): the bound holds on P.
    Operand = lowerBoundAt(E, P.build());
    if (Operand && isTrue(E, P, Assignment())) {
      std::string K = G.Function + "\n" + toString(*Operand);
      if (ownThresholdArm(K, P.build(), Bounds, Known)) {
        Key = std::move(K);
        return true;
      }
    }
    return false;
  });
  return Key;
}

std::vector<Finding> checkOne(const Guard &G, const CheckConfig &Cfg,
                              const std::set<const Bump *> &Aware);

} // namespace

std::vector<Finding> checkGuards(const std::vector<Guard> &Guards,
                                 const CheckConfig &Cfg) {
  std::vector<Finding> Out;
  std::vector<std::set<const Bump *>> Aware(Guards.size());
  if (Cfg.Profiles)
    for (const Bump *B : Cfg.Bumps) {
      const Profile &Before = Cfg.Profiles->Profiles[B->Before];
      const Profile &After = Cfg.Profiles->Profiles[B->After];
      std::vector<std::optional<std::string>> KB, KA;
      std::set<std::string> SeenB, SeenA;
      BoundMap Bounds = lowerBounds(Guards);
      const std::vector<int64_t> &Known = Cfg.Profiles->KnownBuilds;
      for (const Guard &G : Guards) {
        KB.push_back(identityKey(G, Before, After, Bounds, Known));
        KA.push_back(identityKey(G, After, Before, Bounds, Known));
        if (KB.back())
          SeenB.insert(*KB.back());
        if (KA.back())
          SeenA.insert(*KA.back());
      }
      for (size_t I = 0; I < Guards.size(); ++I)
        if ((KB[I] && SeenA.count(*KB[I])) || (KA[I] && SeenB.count(*KA[I])))
          Aware[I].insert(B);
    }
  for (size_t I = 0; I < Guards.size(); ++I) {
    auto F = checkOne(Guards[I], Cfg, Aware[I]);
    Out.insert(Out.end(), std::make_move_iterator(F.begin()),
               std::make_move_iterator(F.end()));
  }
  return Out;
}

std::vector<Finding> checkGuard(const Guard &G, const CheckConfig &Cfg) {
  return checkOne(G, Cfg, {});
}

std::string versionOf(const Profile &P) {
  return P.get(Quantity::FileVersion).S;
}

namespace {
std::vector<Finding> checkOne(const Guard &G, const CheckConfig &Cfg,
                              const std::set<const Bump *> &Aware) {
  std::vector<Finding> Out;
  if (!Cfg.Profiles)
    return Out;
  std::vector<const Expr *> Reported;
  for (const Bump *B : Cfg.Bumps) {
    const Profile &Before = Cfg.Profiles->Profiles[B->Before];
    const Profile &After = Cfg.Profiles->Profiles[B->After];
    if (Aware.count(B) || !isFragile(G, Before, After))
      continue;
    auto Atoms = flippingAtoms(G, Before, After);
    // The outcome shown in the message: with free atoms chosen so that the
    // guard does flip.
    Outcome OB, OA;
    Assignment Flips;
    for (const Assignment &A : assignments(freeAtoms(G, Before))) {
      OB = evaluateGuard(G, Before, A);
      OA = evaluateGuard(G, After, A);
      Flips = A;
      if (OB.Known && OA.Known && OB != OA)
        break;
    }
    if (namesBothBuilds(G, Before, After, Flips))
      continue;
    struct Claimed {
      const Expr *Atom;
      int Arm;
      const Rule *R;
      bool ValueBefore;
      std::optional<std::string> RepeatedCall; // that a join would repeat
    };
    std::vector<Claimed> Claims;
    std::vector<std::vector<Candidate>> PerAtom;
    for (const Expr *A : Atoms) {
      if (std::find(Reported.begin(), Reported.end(), A) != Reported.end())
        continue;
      int ArmIndex = -1;
      for (size_t I = 0; I < G.Arms.size(); ++I)
        for (const ExprPtr &T : G.Arms[I].Tests) {
          bool Inside = T.get() == A;
          std::vector<const Expr *> Stack{T.get()};
          while (!Inside && !Stack.empty()) {
            const Expr *E = Stack.back();
            Stack.pop_back();
            if (E == A)
              Inside = true;
            for (const ExprPtr &K : E->Kids)
              Stack.push_back(K.get());
          }
          if (Inside && ArmIndex < 0)
            ArmIndex = I;
        }
      Value SB = G.Subject ? evaluate(*G.Subject, Before) : Value::unknown();
      bool VB = evaluate(*A, Before, Flips, SB).I != 0;
      AtomContext Ctx{G, *A, ArmIndex, Before, After, *B, VB};
      const Rule *Owner = nullptr;
      for (const Rule *R : claimOrder())
        if (R->claims(Ctx)) {
          Owner = R;
          break;
        }
      if (!Owner || !Cfg.enabled(Owner->info().Id))
        continue;
      std::vector<Candidate> Cands;
      Owner->candidates(Ctx, Cands);
      std::optional<std::string> Repeated;
      for (const MappedConst &M : mappedConstants(Ctx))
        if (!Repeated)
          Repeated = repeatedCall(*A, *M.Node);
      Claims.push_back({A, ArmIndex, Owner, VB, std::move(Repeated)});
      PerAtom.push_back(std::move(Cands));
    }
    if (Claims.empty())
      continue;
    auto Proven = findProvenFix(G, PerAtom, *Cfg.Profiles, Cfg.Bumps);
    std::optional<Fix> TheFix;
    if (Proven) {
      Fix F;
      for (const Candidate *K : *Proven) {
        if (F.Description.empty())
          F.Description = K->Description;
        for (const Edit &E : K->Edits)
          if (std::find(F.Edits.begin(), F.Edits.end(), E) == F.Edits.end())
            F.Edits.push_back(E);
      }
      std::sort(F.Edits.begin(), F.Edits.end());
      TheFix = std::move(F);
    }
    for (const Claimed &C : Claims) {
      Reported.push_back(C.Atom);
      Finding F;
      F.RuleId = C.R->info().Id;
      F.Level = hasInferredQuantity(*C.Atom) ||
                        (G.Subject && hasInferredQuantity(*G.Subject))
                    ? Severity::Warning
                    : Severity::Error;
      auto Ov = Cfg.SeverityOverrides.find(F.RuleId);
      if (Ov != Cfg.SeverityOverrides.end())
        F.Level = Ov->second;
      F.Where = C.Atom->Written.valid() ? C.Atom->Written.Span : G.Where;
      if (C.Arm >= 0 && G.Arms[C.Arm].Label.valid() && !C.Atom->Written.valid())
        F.Where = G.Arms[C.Arm].Label.Span;
      // An atom written nowhere but as the whole condition (a pipeline
      // such as `systeminfo | Select-String ...`): the condition's text.
      // The atom is all there is to the condition, under this many Nots
      // (-1: it is not).
      auto Whole = [&] {
        const Expr *E = G.Cond.get();
        int Nots = 0;
        for (; E && E->Kind == Op::Not && E->Kids.size() == 1; ++Nots)
          E = E->Kids[0].get();
        return E == C.Atom ? Nots : -1;
      };
      int WholeNots = !C.Atom->Written.Text.empty() ||
                              G.Kind != GuardKind::Condition || G.Text.empty()
                          ? -1
                          : Whole();
      // An atom written nowhere, inside a condition of several (a bound of
      // `b in range(6000, 6003)`): the condition's own text and outcome,
      // not the lowered atom.
      bool ByGuard = C.Atom->Written.Text.empty() && WholeNots < 0 &&
                     G.Kind == GuardKind::Condition && !G.Text.empty() &&
                     OB.Known && OA.Known && !OB.V.empty() && !OA.V.empty() &&
                     OB.V[0] != OA.V[0];
      std::string What = !C.Atom->Written.Text.empty()
                             ? shorten(C.Atom->Written.Text)
                         : WholeNots >= 0 || ByGuard
                             ? shorten(G.Shown.empty() ? G.Text : G.Shown)
                             : toString(*C.Atom);
      // The text quoted is the negation of the atom (`not at_least(6003)`,
      // `b not in (6001, 6002)`): its values are the atom's, inverted.
      bool TextNegated = WholeNots > 0 && WholeNots % 2 == 1;
      if (G.Cond && C.Atom->Written.valid())
        visitTree(*G.Cond, [&](const Expr &E) {
          if (E.Kind != Op::Not || E.Kids.size() != 1 ||
              E.Kids[0].get() != C.Atom)
            return;
          llvm::StringRef T = llvm::StringRef(C.Atom->Written.Text).ltrim();
          // `$list -notcontains $b`, `$v -notlike '6.0.6002*'`: the atom
          // is written as its own negation (FlagNegated).
          if ((E.Written.valid() && E.Written.Span == C.Atom->Written.Span) ||
              C.Atom->has(FlagNegated) || T.starts_with("!") ||
              T.starts_with_insensitive("not ") ||
              T.starts_with_insensitive("-not ") ||
              T.starts_with_insensitive("not("))
            TextNegated = true;
        });
      bool Stated = ByGuard ? bool(OB.V[0]) : C.ValueBefore != TextNegated;
      std::string Subject =
          G.Kind == GuardKind::Condition
              ? "`" + What + "`"
              : "`" + What + "` in this " +
                    (G.Kind == GuardKind::Table ? "table" : "switch");
      std::string Was = describeOutcome(G, OB, C.Arm),
                  Now = describeOutcome(G, OA, C.Arm);
      F.Evaluated = Evaluation{Subject, Stated, Was, Now};
      if (G.Kind == GuardKind::Table) {
        // In the table's own words: its entries, not the lowered key test.
        F.Message = "the lookup in this table finds " + Was + " on " +
                    versionOf(Before) + " but " + Now + " on " +
                    versionOf(After) + " (" + B->Description + ")";
      } else {
        F.Message = Subject + " is " + (Stated ? "true" : "false") + " on " +
                    versionOf(Before) + " but " + (Stated ? "false" : "true") +
                    " on " + versionOf(After) +
                    ", so the guard's outcome changes from " + Was + " to " +
                    Now + " (" + B->Description + ")";
      }
      F.Bump = B->Id;
      F.Guard = G.Text.empty() ? toString(G.Cond ? *G.Cond : *C.Atom) : G.Text;
      F.Function = G.Function;
      F.TheFix = TheFix;
      F.Related = definitionsIn(*C.Atom);
      if (!TheFix && C.RepeatedCall)
        F.NoFixReason = "a second comparison for build " +
                        std::to_string(After.build()) + " would call `" +
                        *C.RepeatedCall +
                        "` again, and no rewrite of this comparison alone was "
                        "proved correct; store its result in a variable and "
                        "compare the variable";
      else if (!TheFix && C.Atom->Kind == Op::Cmp &&
               (C.Atom->Cmp == CmpOp::EQ || C.Atom->Cmp == CmpOp::NE) &&
               holdsBuild(*C.Atom, After.build()) &&
               !holdsBuild(*C.Atom, Before.build()))
        // `== 6003`: code that knew of the bump. Joined with 6002 it would
        // pass on 6002 where it did not; joined with 6004, never.
        F.NoFixReason =
            "the test names build " + std::to_string(After.build()) +
            ", the build after the change: whether build " +
            std::to_string(Before.build()) +
            " should pass it too is for its author to say (no rewrite keeps "
            "its outcome on " +
            std::to_string(Before.build()) + " and gives " +
            std::to_string(After.build()) + " the same)";
      else if (!TheFix && G.Full)
        F.NoFixReason = "the table already fills the size its declaration "
                        "gives: make room for an entry for build " +
                        std::to_string(After.build()) + " and add it";
      else if (!TheFix)
        F.NoFixReason =
            PerAtom.empty() || std::all_of(PerAtom.begin(), PerAtom.end(),
                                           [](auto &V) { return V.empty(); })
                ? "no rewrite of this guard could be written here"
                : "no candidate rewrite was proved correct on "
                  "every known Windows profile";
      Out.push_back(std::move(F));
    }
  }
  return Out;
}

} // namespace

} // namespace verguard::rules
