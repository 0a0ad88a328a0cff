//===- Checker.cpp --------------------------------------------------------===//
#include "rules/Checker.h"

#include "rules/Candidates.h"
#include "rules/Rule.h"

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
  for (char C : S) {
    if (C == '\n' || C == '\r' || C == '\t' || C == ' ') {
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

std::string describeOutcome(const Guard &G, const Outcome &O) {
  if (!O.Known)
    return "unknown";
  if (G.Kind == GuardKind::Condition)
    return O.V[0] ? "true" : "false";
  if (O.V.empty())
    return G.Kind == GuardKind::Table ? "nothing" : "the default arm";
  std::string S;
  for (int64_t V : O.V) {
    // A table's outcome is the value found (entries with equal values share
    // a ValueId): quote the first entry with that value.
    int64_t I = V;
    if (G.Kind == GuardKind::Table)
      for (size_t K = 0; K < G.Arms.size(); ++K)
        if (G.Arms[K].ValueId == V) {
          I = K;
          break;
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
  std::vector<const Expr *> Stack{&Atom};
  while (!Stack.empty()) {
    const Expr *E = Stack.back();
    Stack.pop_back();
    if (E->isConst() && E->DefinedAt.valid() && E->Written.valid()) {
      std::string Value = E->Kind == Op::StrConst ? "\"" + E->Str + "\""
                                                  : std::to_string(E->Int);
      RelatedLocation R{E->DefinedAt, "`" + shorten(E->Written.Text) +
                                          "` is defined here as " + Value};
      if (llvm::none_of(Out, [&](const RelatedLocation &O) {
            return O.Where == R.Where;
          }))
        Out.push_back(std::move(R));
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

} // namespace

std::string versionOf(const Profile &P) {
  return P.get(Quantity::FileVersion).S;
}

std::vector<Finding> checkGuard(const Guard &G, const CheckConfig &Cfg) {
  std::vector<Finding> Out;
  if (!Cfg.Profiles)
    return Out;
  std::vector<const Expr *> Reported;
  for (const Bump *B : Cfg.Bumps) {
    const Profile &Before = Cfg.Profiles->Profiles[B->Before];
    const Profile &After = Cfg.Profiles->Profiles[B->After];
    if (!isFragile(G, Before, After))
      continue;
    auto Atoms = flippingAtoms(G, Before, After);
    // The outcome shown in the message: with free atoms chosen so that the
    // guard does flip.
    Outcome OB, OA;
    for (const Assignment &A : assignments(freeAtoms(G, Before))) {
      OB = evaluateGuard(G, Before, A);
      OA = evaluateGuard(G, After, A);
      if (OB.Known && OA.Known && OB != OA)
        break;
    }
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
      bool VB = evaluate(*A, Before, core::Assignment(), SB).I != 0;
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
      std::string What = C.Atom->Written.Text.empty()
                             ? toString(*C.Atom)
                             : shorten(C.Atom->Written.Text);
      std::string Subject =
          G.Kind == GuardKind::Condition
              ? "`" + What + "`"
              : "`" + What + "` in this " +
                    (G.Kind == GuardKind::Table ? "table" : "switch");
      F.Evaluated = Evaluation{Subject, C.ValueBefore, describeOutcome(G, OB),
                               describeOutcome(G, OA)};
      if (G.Kind == GuardKind::Table) {
        // In the table's own words: its entries, not the lowered key test.
        F.Message = "the lookup in this table finds " + describeOutcome(G, OB) +
                    " on " + versionOf(Before) + " but " +
                    describeOutcome(G, OA) + " on " + versionOf(After) + " (" +
                    B->Description + ")";
      } else {
        F.Message =
            Subject + " is " + (C.ValueBefore ? "true" : "false") + " on " +
            versionOf(Before) + " but " + (C.ValueBefore ? "false" : "true") +
            " on " + versionOf(After) +
            ", so the guard's outcome changes from " + describeOutcome(G, OB) +
            " to " + describeOutcome(G, OA) + " (" + B->Description + ")";
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

} // namespace verguard::rules
