//===- Candidates.cpp -----------------------------------------------------===//
#include "rules/Candidates.h"

#include "core/FixSyntax.h"
#include "core/Syntax.h"

#include "llvm/ADT/StringExtras.h"

#include <functional>

namespace verguard::rules {

using namespace core;

int64_t oldBuild(const AtomContext &C) { return C.Before.build(); }

std::optional<std::string> joinText(Dialect D, bool IsOr, llvm::StringRef A,
                                    llvm::StringRef B, bool Bare) {
  auto Word = syntaxFor(D).joinWord(IsOr);
  if (!Word)
    return std::nullopt;
  if (Bare)
    return A.str() + *Word + B.str();
  return "(" + A.str() + *Word + B.str() + ")";
}
int64_t newBuild(const AtomContext &C) { return C.After.build(); }

void visitTree(const Expr &Root, const std::function<void(const Expr &)> &F) {
  std::vector<const Expr *> Stack{&Root};
  while (!Stack.empty()) {
    const Expr *E = Stack.back();
    Stack.pop_back();
    F(*E);
    for (const ExprPtr &K : E->Kids)
      if (K)
        Stack.push_back(K.get());
  }
}

Dialect dialectOf(const AtomContext &C) {
  return C.Atom.Syntax != Dialect::None ? C.Atom.Syntax : C.G.Syntax;
}

/// The text of the original operator token, if the atom's text holds it.
static std::string opText(const Expr &Atom) {
  const SourceSpan &A = Atom.Written.Span, &O = Atom.Written.OpSpan;
  if (!A.contains(O) || Atom.Written.Text.size() != A.End - A.Begin)
    return {};
  return Atom.Written.Text.substr(O.Begin - A.Begin, O.End - O.Begin);
}

/// Text of a constant replaced by its mapped value.
static std::optional<std::string>
newConstText(const AtomContext &C, const MappedConst &M, bool Widen) {
  const Expr &K = *M.Node;
  if (!K.Written.valid())
    return std::nullopt;
  // `WinBuild.VistaSp2` -> `(WinBuild)6003`; written cast to an integer
  // (`(int)WinBuild.VistaSp2`), the new value is a plain number.
  if (M.NewInt && (K.Flags & FlagEnumMember) && !K.Str.empty() &&
      llvm::StringRef(K.Written.Text).starts_with(K.Str + "."))
    return "(" + K.Str + ")" + std::to_string(*M.NewInt);
  if (M.NewInt)
    return renderInt(*M.NewInt, K.Written.Text);
  std::string From = std::to_string(oldBuild(C));
  // A string constant written by name (`PREFIX`, `$Sp2`): its text holds
  // no literal to change here, and the name must not be written twice.
  auto Changed = [&](std::string T) -> std::optional<std::string> {
    if (T == K.Written.Text)
      return std::nullopt;
    return T;
  };
  if (Widen) {
    if (!M.Widened)
      return std::nullopt;
    std::string Digits = std::to_string(newBuild(C));
    size_t P = 0;
    while (P < From.size() && From[P] == Digits[P])
      ++P;
    return Changed(replaceInLiteral(K.Written.Text, From,
                                    From.substr(0, P) + "[" + From.substr(P) +
                                        Digits.substr(P) + "]"));
  }
  if (M.NewStr && M.FromNew)
    return Changed(
        replaceInLiteral(K.Written.Text, std::to_string(newBuild(C)),
                         std::to_string(2 * newBuild(C) - oldBuild(C))));
  if (M.NewStr)
    return Changed(
        replaceInLiteral(K.Written.Text, From, std::to_string(newBuild(C))));
  return std::nullopt;
}

static ExprPtr mappedNode(const MappedConst &M, bool Widen) {
  auto N = clone(*M.Node);
  if (M.NewInt)
    N->Int = *M.NewInt;
  else
    N->Str = Widen ? *M.Widened : *M.NewStr;
  return N;
}

/// The atom (as a fresh node) with M replaced.
static ExprPtr atomWith(const Expr &Atom, const MappedConst &M, bool Widen) {
  ExprPtr Copy = clone(Atom);
  return substitute(Copy, M.Node, mappedNode(M, Widen));
}

static bool isDirectKid(const Expr &Atom, const Expr *K) {
  for (const ExprPtr &X : Atom.Kids)
    if (X.get() == K)
      return true;
  return false;
}

void addReplaceConst(const AtomContext &C, const MappedConst &M, bool Widen,
                     int Rank, std::vector<Candidate> &Out) {
  auto Text = newConstText(C, M, Widen);
  if (!Text)
    return;
  Candidate K;
  K.Rank = Rank;
  K.Description =
      Widen ? "widen the pattern to match build " +
                  std::to_string(newBuild(C)) + " as well"
            : "move the bound past build " + std::to_string(newBuild(C));
  K.Atom = &C.Atom;
  K.Replacement = atomWith(C.Atom, M, Widen);
  K.Edits.push_back({M.Node->Written.Span, *Text});
  Out.push_back(std::move(K));
}

void addOpChange(const AtomContext &C, CmpOp NewOp, int Rank,
                 std::vector<Candidate> &Out) {
  const Expr &A = C.Atom;
  if (!A.Written.OpSpan.valid())
    return;
  auto Text = syntaxFor(dialectOf(C)).op(NewOp, opText(A));
  if (!Text)
    return;
  auto N = clone(A);
  N->Cmp = NewOp;
  Candidate K;
  K.Rank = Rank;
  K.Description = "compare with " + *Text +
                  " so that later builds of the "
                  "release match";
  K.Atom = &A;
  K.Replacement = N;
  K.Edits.push_back({A.Written.OpSpan, *Text});
  Out.push_back(std::move(K));
}

/// Whether M is a test's constant naming the new build (`== 6003`: code
/// that knew of the bump). A join or a list beside it would name 6004 (and
/// never pass) or 6002 (and pass where it did not): neither is offered.
static bool namesNewBuild(const AtomContext &C, const MappedConst &M) {
  const Expr &E = *M.Node;
  return oldBuild(C) != newBuild(C) &&
         ((E.Kind == Op::IntConst && E.Int == newBuild(C)) ||
          (E.Kind == Op::StrConst && M.FromNew));
}

static void addJoin(const AtomContext &C, const MappedConst &M, int Rank,
                    std::vector<Candidate> &Out) {
  if (namesNewBuild(C, M))
    return;
  auto Alt = newConstText(C, M, /*Widen=*/false);
  if (!Alt || !C.Atom.Written.valid() || repeatedCall(C.Atom, *M.Node))
    return;
  auto AltAtom = replaceWithin(C.Atom.Written, *M.Node, *Alt);
  if (!AltAtom)
    return;
  bool IsOr = C.ValueBefore;
  // An atom written as a negation (`-notlike`, `-notin`, WQL `NOT LIKE`) is
  // the negation of its node: its text joins the other way.
  bool TextOr = C.Atom.has(FlagNegated) ? !IsOr : IsOr;
  auto Joined = joinText(dialectOf(C), TextOr, C.Atom.Written.Text, *AltAtom,
                         C.Atom.has(FlagParenthesized));
  if (!Joined)
    return;
  ExprPtr Self = clone(C.Atom);
  ExprPtr Other = atomWith(C.Atom, M, false);
  Candidate K;
  K.Rank = Rank;
  K.Description = std::string(IsOr ? "accept" : "exclude") + " build " +
                  std::to_string(newBuild(C)) + " as well";
  K.Atom = &C.Atom;
  K.Replacement = IsOr ? logicOr(Self, Other) : logicAnd(Self, Other);
  K.Edits.push_back({C.Atom.Written.Span, *Joined});
  Out.push_back(std::move(K));
}

/// "One of these" where the language says it in one test: `$x -in 'a','b'`
/// (and for "none of these", `$x -notin 'a','b'`). It evaluates `$x` once,
/// where joining two comparisons would evaluate it twice.
static void addMembership(const AtomContext &C, const MappedConst &M, int Rank,
                          std::vector<Candidate> &Out) {
  const Expr &A = C.Atom;
  if (A.Kind != Op::Cmp || A.Kids[1].get() != M.Node ||
      !A.Kids[0]->Written.valid() || !A.Written.valid() || namesNewBuild(C, M))
    return;
  // The list stands for the atom's whole text: only if that text starts
  // with one of its operands (`x == 6002`, `s.Equals("6.0.6002")`), not if
  // it is a tuple comparison, one of whose elements the atom tests.
  const SourceSpan &Whole = A.Written.Span;
  if (A.Kids[0]->Written.Span.Begin != Whole.Begin &&
      M.Node->Written.Span.Begin != Whole.Begin)
    return;
  bool Accept = A.Cmp == CmpOp::EQ && C.ValueBefore;
  bool Exclude = A.Cmp == CmpOp::NE && !C.ValueBefore;
  if (!Accept && !Exclude)
    return;
  auto Alt = newConstText(C, M, false);
  if (!Alt)
    return;
  auto Text = syntaxFor(dialectOf(C))
                  .membership(A.Kids[0]->Written.Text, Exclude, opText(A),
                              M.Node->Written.Text, *Alt);
  if (!Text)
    return;
  Candidate K;
  K.Rank = Rank;
  K.Description = std::string(Accept ? "accept" : "exclude") + " build " +
                  std::to_string(newBuild(C)) + " as well";
  K.Atom = &A;
  auto N = clone(A);
  N->Kind = Op::Element;
  N->Cmp = CmpOp::EQ; // membership: equal to one of the items
  N->Kids = {A.Kids[0], A.Kids[1], mappedNode(M, false)};
  K.Replacement = Accept ? ExprPtr(N) : logicNot(N);
  K.Edits.push_back({A.Written.Span, *Text});
  Out.push_back(std::move(K));
}

/// Written membership lists gain the new build: `$b -in 6001, 6002` ->
/// `$b -in 6001, 6002, 6003` (also `-notin`, `-contains`, `@(...)` lists).
static void addListItem(const AtomContext &C, const MappedConst &M, int Rank,
                        std::vector<Candidate> &Out) {
  const Expr &A = C.Atom;
  if (!syntaxFor(dialectOf(C)).appendsListItems() || A.Kind != Op::Element ||
      !C.ValueBefore || A.Kids.empty() || A.Kids[0].get() == M.Node ||
      !isDirectKid(A, M.Node) || !M.Node->Written.valid())
    return;
  auto Alt = newConstText(C, M, false);
  if (!Alt)
    return;
  Candidate K;
  K.Rank = Rank;
  K.Description = "accept build " + std::to_string(newBuild(C)) + " as well";
  K.Atom = &A;
  auto N = clone(A);
  N->Kids.push_back(mappedNode(M, false));
  K.Replacement = N;
  K.Edits.push_back({insertionAfter(M.Node->Written.Span), ", " + *Alt});
  Out.push_back(std::move(K));
}

/// Where a prefix/suffix test takes a tuple: `v.startswith("6.0.6002")` ->
/// `v.startswith(("6.0.6002", "6.0.6003"))`, and an item written in such a
/// tuple (its atom has no text of its own) gains a sibling.
static void addAffixTuple(const AtomContext &C, const MappedConst &M, int Rank,
                          std::vector<Candidate> &Out) {
  const Expr &A = C.Atom;
  if (!syntaxFor(dialectOf(C)).affixTakesTuple() || !C.ValueBefore ||
      (A.Kind != Op::StartsWith && A.Kind != Op::EndsWith) ||
      A.Kids.size() != 2 || A.Kids[1].get() != M.Node ||
      !M.Node->Written.valid())
    return;
  auto Alt = newConstText(C, M, false);
  if (!Alt)
    return;
  Candidate K;
  K.Rank = Rank;
  K.Description = "accept build " + std::to_string(newBuild(C)) + " as well";
  K.Atom = &A;
  K.Replacement = logicOr(clone(A), atomWith(A, M, false));
  if (A.Written.valid())
    K.Edits.push_back(
        {M.Node->Written.Span, "(" + M.Node->Written.Text + ", " + *Alt + ")"});
  else
    K.Edits.push_back({insertionAfter(M.Node->Written.Span), ", " + *Alt});
  Out.push_back(std::move(K));
}

/// The edit that gives Arm one more test whose constant is written NewConst:
/// a table entry copied with the new key, or the language's new label.
static std::optional<Edit> armAddition(Dialect D, GuardKind K, const Arm &A,
                                       const Expr &Test, const Expr &Const,
                                       llvm::StringRef NewConst) {
  if (!A.Label.valid())
    return std::nullopt;
  if (K != GuardKind::Table)
    return syntaxFor(D).armLabel(A, Test, Const, NewConst);
  // Copy the whole entry with the new key, right after the entry.
  auto Copy = replaceWithin(A.Label, Const, NewConst);
  if (!Copy)
    return std::nullopt;
  return Edit{insertionAfter(A.Label.Span),
              syntaxFor(D).tableEntrySeparator(A) + *Copy};
}

/// A search for the constant becomes one for either build, where the
/// language writes that in one command (cmd's `find "6.0.6002"` ->
/// `findstr /c:"6.0.6002" /c:"6.0.6003"`).
static void addSearchForBoth(const AtomContext &C, const MappedConst &M,
                             int Rank, std::vector<Candidate> &Out) {
  const Expr &A = C.Atom;
  if (!C.ValueBefore || A.Kids.size() != 2 || A.Kids[1].get() != M.Node ||
      !M.NewStr || M.FromNew || !A.Written.valid() || !M.Node->Written.valid())
    return;
  auto Text = syntaxFor(dialectOf(C))
                  .searchForBoth(A, *M.Node, std::to_string(oldBuild(C)),
                                 std::to_string(newBuild(C)));
  if (!Text)
    return;
  Candidate K;
  K.Rank = Rank;
  K.Description =
      "search for build " + std::to_string(newBuild(C)) + " as well";
  K.Atom = &A;
  K.Replacement = logicOr(clone(A), atomWith(A, M, false));
  K.Edits.push_back({A.Written.Span, *Text});
  Out.push_back(std::move(K));
}

static void addArmAddition(const AtomContext &C, const MappedConst &M, int Rank,
                           std::vector<Candidate> &Out) {
  if (C.ArmIndex < 0 || !C.ValueBefore || C.G.Full)
    return;
  auto Text = newConstText(C, M, false);
  if (!Text)
    return;
  const Arm &TheArm = C.G.Arms[C.ArmIndex];
  auto E = armAddition(dialectOf(C), C.G.Kind, TheArm, C.Atom, *M.Node, *Text);
  if (!E)
    return;
  Candidate K;
  K.Rank = Rank;
  K.Description =
      C.G.Kind == GuardKind::Table
          ? "add an entry for build " + std::to_string(newBuild(C))
          : "let build " + std::to_string(newBuild(C)) + " take the same arm";
  K.ArmIndex = C.ArmIndex;
  K.NewTest = atomWith(C.Atom, M, false);
  // An entry whose test has more parts (`build == 6002 && rev >= 24000` of
  // a table of structures): the copy keeps them.
  for (const ExprPtr &T : TheArm.Tests)
    if (T.get() != &C.Atom &&
        anyNode(*T, [&](const Expr &X) { return &X == &C.Atom; })) {
      K.NewTest = substitute(T, &C.Atom, K.NewTest);
      break;
    }
  K.Edits.push_back(*E);
  Out.push_back(std::move(K));
}

std::vector<MappedConst> mappedConstants(const AtomContext &C) {
  std::vector<MappedConst> Out;
  int64_t Old = oldBuild(C), New = newBuild(C);
  std::string OldS = std::to_string(Old), NewS = std::to_string(New);
  visitTree(C.Atom, [&](const Expr &E) {
    MappedConst M{&E, std::nullopt, std::nullopt, std::nullopt, false};
    if (E.Kind == Op::IntConst && (E.Int == Old || E.Int == New)) {
      M.NewInt = E.Int + (New - Old);
      Out.push_back(M);
    } else if (E.Kind == Op::StrConst &&
               !llvm::StringRef(E.Str).contains(OldS) &&
               llvm::StringRef(E.Str).contains(NewS)) {
      // A bound written with the new build (`-lt [version]'6.0.6003'`)
      // moves one build further, like an integer bound.
      M.NewStr =
          replaceInLiteral(E.Str, NewS, std::to_string(New + (New - Old)));
      M.FromNew = true;
      Out.push_back(M);
    } else if (E.Kind == Op::StrConst &&
               llvm::StringRef(E.Str).contains(OldS)) {
      M.NewStr = replaceInLiteral(E.Str, OldS, NewS);
      if (OldS.size() == NewS.size()) {
        size_t P = 0;
        while (P < OldS.size() && OldS[P] == NewS[P])
          ++P;
        if (P + 1 == OldS.size())
          M.Widened = replaceInLiteral(
              E.Str, OldS, OldS.substr(0, P) + "[" + OldS[P] + NewS[P] + "]");
      }
      Out.push_back(M);
    }
  });
  return Out;
}

std::optional<std::string> repeatedCall(const Expr &Atom, const Expr &Const) {
  const SourceSpan &A = Atom.Written.Span;
  for (const SourceSpan &Call : Atom.Written.Calls) {
    if (Call.contains(Const.Written.Span))
      continue;
    if (A.contains(Call) && Atom.Written.Text.size() == A.End - A.Begin)
      return Atom.Written.Text.substr(Call.Begin - A.Begin,
                                      Call.End - Call.Begin);
    return std::string("a function"); // written elsewhere (a macro)
  }
  return std::nullopt;
}

void genericCandidates(const AtomContext &C, std::vector<Candidate> &Out) {
  const Expr &A = C.Atom;
  for (const MappedConst &M : mappedConstants(C)) {
    bool Direct = isDirectKid(A, M.Node);
    if (A.Kind == Op::Cmp && Direct) {
      // Normalize to `x OP const`.
      CmpOp O = A.Kids[1].get() == M.Node ? A.Cmp : swapped(A.Cmp);
      bool ConstLeft = A.Kids[0].get() == M.Node;
      if (C.ArmIndex >= 0) {
        if (O == CmpOp::EQ)
          addArmAddition(C, M, 0, Out);
        else if (O != CmpOp::NE)
          addReplaceConst(C, M, false, 0, Out);
        continue;
      }
      if (O == CmpOp::EQ && C.ValueBefore && M.NewInt)
        addOpChange(C, ConstLeft ? CmpOp::LE : CmpOp::GE, 0, Out);
      if (O == CmpOp::EQ && C.ValueBefore && A.Mode == CmpMode::Version)
        addOpChange(C, ConstLeft ? CmpOp::LE : CmpOp::GE, 0, Out);
      if (O != CmpOp::EQ && O != CmpOp::NE)
        addReplaceConst(C, M, false, 0, Out);
      addMembership(C, M, 1, Out);
    }
    if (A.Kind == Op::Element && C.ArmIndex < 0)
      addListItem(C, M, 1, Out);
    if (C.ArmIndex < 0)
      addAffixTuple(C, M, 1, Out);
    if ((A.Kind == Op::Like || A.Kind == Op::Regex) && M.Widened &&
        A.Kids.size() > 1 && A.Kids[1].get() == M.Node)
      addReplaceConst(C, M, true, 0, Out);
    addSearchForBoth(C, M, 1, Out);
    if (C.ArmIndex >= 0) {
      if (M.Widened && (A.Kind == Op::Like || A.Kind == Op::Regex))
        continue;
      if (A.Kind != Op::Cmp)
        addArmAddition(C, M, 1, Out);
      continue;
    }
    addJoin(C, M, 2, Out);
  }
}

} // namespace verguard::rules
