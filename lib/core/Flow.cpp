//===- Flow.cpp -----------------------------------------------------------===//
#include "core/Flow.h"
#include "core/Deadline.h"
#include "core/Evaluator.h"
#include "core/Profile.h"

#include "core/Quantity.h"
#include "core/SourceTable.h"

namespace verguard::core {

std::optional<Quantity> dottedComponent(Quantity Q, int64_t Index) {
  switch (Q) {
  case Quantity::FileVersion:
  case Quantity::Version:
  case Quantity::DotNetVersion:
  case Quantity::CurrentVersion:
    break;
  // "6002.24566.amd64fre.vistasp2_ldr_escrow.190220-1700": the build, then
  // the revision; BuildLab has no revision.
  case Quantity::BuildLabEx:
  case Quantity::BuildLab:
    if (Index == 0)
      return Quantity::Build;
    if (Index == 1 && Q == Quantity::BuildLabEx)
      return Quantity::Revision;
    return std::nullopt;
  default:
    return std::nullopt;
  }
  if (Q == Quantity::CurrentVersion && Index > 1)
    return std::nullopt; // "6.0": major and minor only
  switch (Index) {
  case 0:
    return Quantity::Major;
  case 1:
    return Quantity::Minor;
  case 2:
    return Quantity::Build;
  case 3:
    if (Q == Quantity::FileVersion)
      return Quantity::Revision;
    return std::nullopt;
  default:
    return std::nullopt;
  }
}

std::optional<unsigned> dottedParts(Quantity Q) {
  switch (Q) {
  case Quantity::Version:
    return 3;
  case Quantity::FileVersion:
  case Quantity::DotNetVersion:
    return 4;
  case Quantity::CurrentVersion:
    return 2;
  default:
    return std::nullopt;
  }
}

ExprPtr versionComponent(const Expr &S, int64_t I) {
  if (S.Kind != Op::Split || S.Kids.size() != 2 ||
      S.Kids[0]->Kind != Op::Quantity || S.Kids[1]->Kind != Op::StrConst ||
      S.Kids[1]->Str != ".")
    return nullptr;
  const Expr &K = *S.Kids[0];
  auto C = dottedComponent(K.Q, I);
  if (!C)
    return nullptr;
  return unary(Op::ToStr,
               quantity(*C, K.Provenance + " part " + std::to_string(I),
                        K.has(FlagInferred)));
}

bool isErrorDefault(const Expr &V) {
  return ((V.Kind == Op::IntConst || V.Kind == Op::BoolConst) &&
          (V.Int == 0 || V.Int == -1)) ||
         (V.Kind == Op::StrConst && V.Str.empty());
}

ExprPtr installerValue(const InstallerEntry &E, const std::string &Prov) {
  ExprPtr Q = quantity(E.Q, Prov);
  switch (E.F) {
  case InstallerEntry::Value:
    return Q;
  case InstallerEntry::NtVersion:
    return binary(Op::Add, binary(Op::Mul, Q, intConst(100)),
                  quantity(Quantity::Minor, Prov));
  case InstallerEntry::MajorMinorVersion:
    return nary(Op::Concat, {unary(Op::ToStr, Q), strConst("."),
                             unary(Op::ToStr, quantity(Quantity::Minor, Prov)),
                             strConst(".0.0")});
  }
  return unknown();
}

bool sameOnEveryProfile(const Expr &A, const Expr &B) {
  for (const Profile &P : builtinProfiles().Profiles) {
    Value X = evaluate(A, P);
    if (!X.known() || !(X == evaluate(B, P)))
      return false;
  }
  return true;
}

void CallerArguments::note(const std::string &Function, size_t Index,
                           const ExprPtr &A) {
  if (!A || !dependsOnVersion(*A) || hasParam(*A) || hasInferredQuantity(*A))
    return;
  auto [It, New] = Passed[Function].try_emplace(Index, A);
  if (!New && It->second && !sameOnEveryProfile(*It->second, *A))
    It->second = nullptr;
}

void CallerArguments::literal(const std::string &Function, size_t Index) {
  Passed[Function][Index] = nullptr;
}

ExprPtr CallerArguments::bound(const std::string &Function,
                               size_t Index) const {
  auto F = Passed.find(Function);
  if (F == Passed.end())
    return nullptr;
  auto A = F->second.find(Index);
  return A == F->second.end() ? nullptr : A->second;
}

ValueType valueType(const Expr &E) {
  switch (E.Kind) {
  case Op::IntConst:
  case Op::ToInt:
  case Op::Add:
  case Op::Sub:
  case Op::Mul:
  case Op::Div:
  case Op::Mod:
  case Op::BitAnd:
  case Op::BitOr:
  case Op::BitXor:
  case Op::Shl:
  case Op::Shr:
  case Op::Neg:
  case Op::BitNot:
  case Op::Length:
  case Op::Find:
  case Op::StrCompare:
    return ValueType::Int;
  case Op::StrConst:
  case Op::ToStr:
  case Op::Concat:
  case Op::Substr:
  case Op::Right:
  case Op::Lower:
  case Op::Upper:
  case Op::Trim:
  case Op::Replace:
  case Op::RegexGroup:
  case Op::FileVersionOf:
  case Op::RegistryValueOf:
    return ValueType::Str;
  case Op::Param: // what its name says it holds, where no call binds it
    return E.Kids.empty() || !E.Kids[0] ? ValueType::Unknown
                                        : valueType(*E.Kids[0]);
  case Op::Choose: {
    ValueType A = E.Kids.size() == 3 && E.Kids[1] ? valueType(*E.Kids[1])
                                                  : ValueType::Unknown;
    ValueType B = E.Kids.size() == 3 && E.Kids[2] ? valueType(*E.Kids[2])
                                                  : ValueType::Unknown;
    return A == B ? A : ValueType::Unknown;
  }
  case Op::Quantity:
    return isStringQuantity(E.Q) ? ValueType::Str : ValueType::Int;
  case Op::VersionOf:
    return ValueType::Version;
  case Op::Split:
    return ValueType::List;
  case Op::Index:
    if (!E.Kids.empty() && E.Kids[0]->Kind == Op::Split)
      return ValueType::Str;
    if (!E.Kids.empty() && E.Kids[0]->Kind == Op::VersionOf)
      return ValueType::Int;
    return ValueType::Unknown;
  default:
    return isBoolean(E) ? ValueType::Bool : ValueType::Unknown;
  }
}

std::optional<std::string> constText(const Expr &E) {
  if (E.Kind == Op::StrConst)
    return E.Str;
  if (E.Kind != Op::Concat)
    return std::nullopt;
  std::string R;
  for (const ExprPtr &K : E.Kids) {
    auto T = K ? constText(*K) : std::nullopt;
    if (!T)
      return std::nullopt;
    R += *T;
  }
  return R;
}

std::optional<std::string> constTail(const Expr &E) {
  if (E.Kind != Op::Concat)
    return constText(E);
  std::string R;
  for (auto K = E.Kids.rbegin(); K != E.Kids.rend(); ++K) {
    auto T = *K ? constText(**K) : std::nullopt;
    if (!T)
      break;
    R = *T + R;
  }
  return R.empty() ? std::nullopt : std::optional<std::string>(R);
}

namespace {
/// Index(Split(<dotted version quantity>, "."), I) read as the component,
/// and the file version of a path that became known, wherever a
/// substitution made one.
ExprPtr readComponents(const ExprPtr &E) {
  if (!E)
    return E;
  // A system binary's name ends the path: its version, whatever the
  // directory (a parameter, a folder not known).
  if (E->Kind == Op::FileVersionOf && E->Kids.size() == 1 && E->Kids[0])
    if (auto Tail = constTail(*E->Kids[0]);
        Tail && builtinSources().isSystemBinary(*Tail))
      return quantity(Quantity::FileVersion, "the file version of " + *Tail);
  if (E->Kind == Op::FileVersionOf && E->Kids.size() == 1 && E->Kids[0] &&
      !hasParam(*E->Kids[0]))
    return unknown();
  if (E->Kind == Op::RegistryValueOf && E->Kids.size() == 1 && E->Kids[0] &&
      !hasParam(*E->Kids[0])) {
    auto Path = constText(*E->Kids[0]);
    size_t Slash = Path ? Path->rfind('\\') : std::string::npos;
    if (Slash == std::string::npos ||
        !isCurrentVersionKey(llvm::StringRef(*Path).take_front(Slash)))
      return unknown();
    std::string Name = Path->substr(Slash + 1);
    ExprPtr V =
        sourceValue(builtinSources().registryValue(Name), "registry " + Name);
    return V ? V : unknown();
  }
  std::vector<ExprPtr> Kids;
  bool Changed = false;
  for (const ExprPtr &K : E->Kids) {
    Kids.push_back(readComponents(K));
    Changed |= Kids.back() != K;
  }
  ExprPtr R = E;
  if (Changed) {
    auto N = clone(*E);
    N->Kids = std::move(Kids);
    R = std::move(N);
  }
  // `Split(<a version>, ".")(2)`, also once the version became known (the
  // file version of a path a call passed).
  if (R->Kind == Op::Index && R->Kids.size() == 2 && R->Kids[0] && R->Kids[1] &&
      R->Kids[1]->Kind == Op::IntConst)
    if (ExprPtr C = versionComponent(*R->Kids[0], R->Kids[1]->Int))
      return C;
  return R;
}
} // namespace

ExprPtr instantiate(const ExprPtr &Summary, const std::vector<ExprPtr> &Args,
                    const std::vector<std::vector<ExprPtr>> &Lists,
                    const SourceSpan &Call) {
  if (!Summary)
    return Summary;
  // Past the time limit (the driver reports the file as cut short) or the
  // size bound, a call's value is unknown: never walked, never grown.
  if (deadlinePassed() || largerThan(*Summary, MaxValueNodes))
    return unknown();
  if (!hasParam(*Summary))
    return Summary;
  ExprPtr Bound = substituteParams(Summary, Args, Lists);
  if (largerThan(*Bound, MaxValueNodes))
    return unknown();
  return readComponents(keepSpellingsWithin(Bound, Call));
}

ExprPtr sourceValue(const SourceEntry *E, std::string Provenance) {
  if (!E)
    return nullptr;
  ExprPtr V = quantity(E->Q, std::move(Provenance));
  return E->AsString ? unary(Op::ToStr, V) : V;
}

ExprPtr versionMember(const Expr &V, llvm::StringRef Part) {
  // A parameter no call binds: what its name and type say it holds.
  if (V.Kind == Op::Param && !V.Kids.empty() && V.Kids[0])
    return versionMember(*V.Kids[0], Part);
  if (V.Kind != Op::VersionOf || V.Kids.empty() || !V.Kids[0])
    return nullptr;
  static const char *Parts[] = {"major", "minor", "build", "revision"};
  int Idx = -1;
  for (int I = 0; I < 4; ++I)
    if (Part.equals_insensitive(Parts[I]))
      Idx = I;
  const Expr *KP = V.Kids[0].get();
  // The version of a text parameter no call binds (`Version.Parse(s)`).
  if (KP->Kind == Op::Param && !KP->Kids.empty() && KP->Kids[0])
    KP = KP->Kids[0].get();
  // `Version.Parse(product.Split(' ')[0])`, `.Trim()`: the version's text
  // is the first word of a file's version ("6.0.6002.24566 (lh_sp2rtm...)").
  while (true) {
    if (KP->Kind == Op::Trim && KP->Kids.size() == 1 && KP->Kids[0]) {
      KP = KP->Kids[0].get();
      continue;
    }
    const Expr *S = KP->Kind == Op::Index && KP->Kids.size() == 2 &&
                            KP->Kids[1] && KP->Kids[1]->Kind == Op::IntConst &&
                            KP->Kids[1]->Int == 0
                        ? KP->Kids[0].get()
                        : nullptr;
    if (S && S->Kind == Op::Split && S->Kids.size() == 2 && S->Kids[0] &&
        S->Kids[1] && S->Kids[1]->Kind == Op::StrConst &&
        S->Kids[1]->Str == " " && S->Kids[0]->Kind == Op::Quantity) {
      KP = S->Kids[0].get();
      continue;
    }
    break;
  }
  const Expr &K = *KP;
  // A version put together from its parts (`new Version(v.Major, v.Minor,
  // v.Build)`: "a.b.c" of their texts): the part itself.
  if (K.Kind == Op::Concat && Idx >= 0 && K.Kids.size() % 2 == 1 &&
      size_t(Idx) * 2 < K.Kids.size()) {
    for (size_t I = 1; I < K.Kids.size(); I += 2)
      if (!K.Kids[I] || K.Kids[I]->Kind != Op::StrConst ||
          K.Kids[I]->Str != ".")
        return nullptr;
    const ExprPtr &X = K.Kids[size_t(Idx) * 2];
    if (X && X->Kind == Op::ToStr && !X->Kids.empty())
      return X->Kids[0];
    return nullptr;
  }
  if (K.Kind != Op::Quantity)
    return nullptr;
  std::string P = K.Provenance + "." + Part.str();
  auto Q = [&](Quantity X) { return quantity(X, P, K.has(FlagInferred)); };
  if (K.Q == Quantity::DotNetVersion) {
    if (Part.equals_insensitive("MajorRevision"))
      return Q(Quantity::SPMajor);
    if (Part.equals_insensitive("MinorRevision"))
      return Q(Quantity::SPMinor);
    if (Idx == 3)
      return binary(Op::BitOr,
                    binary(Op::Shl, Q(Quantity::SPMajor), intConst(16)),
                    Q(Quantity::SPMinor));
  }
  if (Idx == 3 && K.Q == Quantity::Version)
    return intConst(-1);
  if (Idx < 0)
    return nullptr;
  auto C = dottedComponent(
      K.Q == Quantity::DotNetVersion ? Quantity::Version : K.Q, Idx);
  return C ? Q(*C) : nullptr;
}

ExprPtr versionOfParts(llvm::ArrayRef<ExprPtr> Parts) {
  if (llvm::none_of(Parts,
                    [](const ExprPtr &P) { return P && dependsOnVersion(*P); }))
    return nullptr;
  std::vector<ExprPtr> Dotted;
  for (const ExprPtr &P : Parts) {
    if (!Dotted.empty())
      Dotted.push_back(strConst("."));
    Dotted.push_back(!P                                ? unknown()
                     : valueType(*P) == ValueType::Int ? unary(Op::ToStr, P)
                                                       : P);
  }
  return unary(Op::VersionOf, nary(Op::Concat, std::move(Dotted)));
}

ExprPtr unbindParams(const ExprPtr &E) {
  if (!E || !hasParam(*E))
    return E;
  if (E->Kind == Op::Param)
    return E->Kids.empty() || !E->Kids[0] ? unknown() : E->Kids[0];
  auto C = clone(*E);
  for (ExprPtr &K : C->Kids)
    K = unbindParams(K);
  return C;
}

ExprPtr fixedFileInfoField(llvm::StringRef Field,
                           const std::string &Provenance) {
  auto Pair = [&](Quantity Hi, Quantity Lo) {
    return binary(Op::BitOr,
                  binary(Op::Shl, quantity(Hi, Provenance), intConst(16)),
                  quantity(Lo, Provenance));
  };
  Field.consume_front("dw");
  if (Field == "FileVersionMS" || Field == "ProductVersionMS")
    return Pair(Quantity::Major, Quantity::Minor);
  if (Field == "FileVersionLS" || Field == "ProductVersionLS")
    return Pair(Quantity::Build, Quantity::Revision);
  return nullptr;
}

ExprPtr regexGroup(const Expr &Test, int64_t I) {
  if (Test.Kind != Op::Regex || Test.Kids.size() != 2 || I < 0)
    return nullptr;
  auto G = clone(*binary(Op::RegexGroup, Test.Kids[0], Test.Kids[1]));
  G->Int = I;
  G->Flags = Test.Flags & (FlagCaseInsensitive | FlagLines);
  G->Syntax = Test.Syntax;
  return G;
}

ExprPtr regexGroup(const Expr &Test, const Expr &Key) {
  if (Key.Kind == Op::IntConst)
    return regexGroup(Test, Key.Int);
  if (Key.Kind != Op::StrConst || Test.Kind != Op::Regex ||
      Test.Kids.size() != 2 || !Test.Kids[1] ||
      Test.Kids[1]->Kind != Op::StrConst)
    return nullptr;
  // PowerShell's $Matches is a hashtable: its keys ignore case.
  std::optional<unsigned> N = regexGroupNumber(
      Test.Kids[1]->Str, Key.Str, Test.Syntax == Dialect::PowerShell);
  return N ? regexGroup(Test, *N) : nullptr;
}

namespace {
/// Text as an extended regular expression matching it literally.
std::string literalPattern(llvm::StringRef Text) {
  std::string Pat;
  for (char C : Text) {
    if (llvm::StringRef(".^$|()[]{}*+?\\").contains(C))
      Pat += '\\';
    Pat += C;
  }
  return Pat;
}
} // namespace

ExprPtr keyedLineValue(const ExprPtr &Text, llvm::StringRef Key,
                       llvm::StringRef Sep, bool Trimmed) {
  std::string Pat =
      "(^|\n)[ \t]*" + literalPattern(Key) + "[ \t]*" + literalPattern(Sep);
  Pat += Trimmed ? "[ \t]*(([^\r\n]*[^\r\n \t])?)" : "([^\r\n]*)";
  auto G = clone(*binary(Op::RegexGroup, Text, strConst(Pat)));
  G->Int = 2;
  return G;
}

ExprPtr lineStartingWith(const ExprPtr &Text, llvm::StringRef Prefix) {
  std::string Pat = "(^|\n)(" + literalPattern(Prefix);
  Pat += "[^\r\n]*)";
  auto G = clone(*binary(Op::RegexGroup, Text, strConst(Pat)));
  G->Int = 2;
  return G;
}

ExprPtr braceFormat(llvm::StringRef F, llvm::ArrayRef<ExprPtr> Args) {
  std::vector<ExprPtr> Parts;
  std::string Cur;
  size_t Next = 0;
  for (size_t I = 0; I < F.size(); ++I) {
    char C = F[I];
    if ((C == '{' || C == '}') && I + 1 < F.size() && F[I + 1] == C) {
      Cur += C;
      ++I;
      continue;
    }
    if (C == '}')
      return nullptr;
    if (C != '{') {
      Cur += C;
      continue;
    }
    size_t Close = F.find('}', I);
    if (Close == llvm::StringRef::npos)
      return nullptr;
    llvm::StringRef Field = F.slice(I + 1, Close);
    size_t Index = Next++;
    if (!Field.empty() && Field.getAsInteger(10, Index))
      return nullptr; // a name, an attribute, an alignment or a format spec
    if (Index >= Args.size() || !Args[Index])
      return nullptr;
    if (!Cur.empty())
      Parts.push_back(strConst(Cur));
    Cur.clear();
    Parts.push_back(Args[Index]);
    I = Close;
  }
  if (!Cur.empty())
    Parts.push_back(strConst(Cur));
  return nary(Op::Concat, std::move(Parts));
}

bool sameFields(const std::map<std::string, ExprPtr> &A,
                const std::map<std::string, ExprPtr> &B) {
  return A.size() == B.size() &&
         std::equal(A.begin(), A.end(), B.begin(),
                    [](const auto &X, const auto &Y) {
                      return X.first == Y.first && X.second && Y.second &&
                             toString(*X.second) == toString(*Y.second);
                    });
}

ExprPtr detached(const ExprPtr &E) {
  return E ? keepSpellingsWithin(E, SourceSpan{}, /*NoteDefinitions=*/true) : E;
}

bool constantVersion(const Expr &E) {
  return E.Kind == Op::VersionOf && E.Kids.size() == 1 && E.Kids[0] &&
         E.Kids[0]->Kind == Op::StrConst;
}

ExprPtr writtenAt(const ExprPtr &E, Spelling W) {
  if (E->isConst()) {
    if (E->Written.valid() && E->Written.Span.Begin == W.Span.Begin &&
        E->Written.Span.End == W.Span.End)
      return E;
    return respelled(*E, std::move(W));
  }
  auto C = clone(*E);
  // A version constant used by name (`RebuildCutoff`, a `new Version(6, 0,
  // 6003)` written elsewhere): where its value is written is a note.
  if (constantVersion(*E) && !C->DefinedAt.valid() && E->Written.valid() &&
      !W.Span.contains(E->Written.Span))
    C->DefinedAt = E->Written.Span;
  C->Written = std::move(W);
  return C;
}

ExprPtr namedQuantity(llvm::StringRef Name) {
  auto Q = quantityNamed(Name);
  if (!Q)
    return nullptr;
  return quantity(*Q, "inferred from the name `" + Name.str() + "`",
                  /*Inferred=*/true);
}

} // namespace verguard::core
