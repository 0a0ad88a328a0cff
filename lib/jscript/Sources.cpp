//===- Sources.cpp - which JScript values are OS version quantities ------===//
//
// Windows Script Host hands JScript the same COM objects as VBScript: WMI
// (GetObject("winmgmts:..."), SWbemLocator.ConnectServer, ExecQuery and
// InstancesOf of Win32_OperatingSystem, walked with `new Enumerator(col)`
// and `.item()`), WScript.Shell's RegRead, ExpandEnvironmentStrings and Exec of
// `cmd /c ver` or `systeminfo` (its StdOut.ReadAll()), and
// Scripting.FileSystemObject's GetFileVersion/GetSpecialFolder/BuildPath.
// The objects are classified by lib/vbscript/Sources (one list of ProgIDs
// and monikers); the registry values, WMI properties and system binaries
// come from rules/sources.yaml.
//
//===----------------------------------------------------------------------===//
#include "jscript/Lowerer.h"

#include "core/Flow.h"
#include "core/SourceTable.h"
#include "script/Wql.h"
#include "vbscript/Sources.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;

namespace verguard::jscript {

namespace {

std::optional<int64_t> constInt(const Val &V) {
  if (V.E && V.E->Kind == Op::IntConst)
    return V.E->Int;
  return std::nullopt;
}

/// A quantity as its source hands it over (a string for WMI's BuildNumber
/// and the registry's CurrentBuildNumber).
ExprPtr sourceValue(Quantity Q, bool AsString, std::string Prov,
                    std::vector<std::pair<Quantity, std::string>> Sib = {}) {
  auto V = clone(*quantity(Q, std::move(Prov)));
  V->Siblings = std::move(Sib);
  if (AsString && !isStringQuantity(Q))
    return unary(Op::ToStr, V);
  return V;
}

Val fromVb(vbscript::ObjKind K) {
  switch (K) {
  case vbscript::ObjKind::WmiService:
    return Val::obj(ObjKind::WmiService);
  case vbscript::ObjKind::Locator:
    return Val::obj(ObjKind::Locator);
  case vbscript::ObjKind::OsCollection:
    return Val::obj(ObjKind::OsCollection);
  case vbscript::ObjKind::OsInstance:
    return Val::obj(ObjKind::OsInstance);
  case vbscript::ObjKind::Shell:
    return Val::obj(ObjKind::Shell);
  case vbscript::ObjKind::Fso:
    return Val::obj(ObjKind::Fso);
  case vbscript::ObjKind::OtherWmi:
    return Val::obj(ObjKind::OtherWmi);
  default:
    return {};
  }
}

/// The text of a path as far as it is known.
std::string pathOf(const Val &V) {
  if (!V.Path.empty())
    return V.Path;
  return constText(V).value_or("");
}

/// JScript source text of S in double quotes.
std::string quoted(llvm::StringRef S) {
  std::string R = "\"";
  for (char C : S) {
    if (C == '\\' || C == '"')
      R += '\\';
    R += C;
  }
  return R + "\"";
}

} // namespace

std::optional<ExprPtr> Lowerer::inferFromName(llvm::StringRef Name) const {
  if (ExprPtr E = namedQuantity(Name))
    return E;
  return std::nullopt;
}

std::optional<Val> Lowerer::globalCall(llvm::StringRef Name, script::Node Call,
                                       const std::vector<Val> &Args,
                                       const std::vector<script::Node> &) {
  for (const UserSource &U : Opts.Sources)
    if ((U.Language.empty() || U.Language == "jscript") &&
        (U.Name == Name || U.Name == Name.str() + "()"))
      return Val::of(quantity(U.Q, "user source " + U.Name));
  if (Name == "GetObject" && !Args.empty()) {
    if (auto M = constText(Args[0]))
      return fromVb(vbscript::classifyMoniker(*M));
    return Val();
  }
  if ((Name == "parseInt" || Name == "parseFloat" || Name == "Number") &&
      !Args.empty()) {
    // parseInt(x, 10), parseInt(x), Number(x): the number a text holds.
    if (!Args[0].E)
      return Val();
    ValueType T = valueType(*Args[0].E);
    if (T == ValueType::Int)
      return Args[0];
    if (T == ValueType::Str || dependsOnVersion(*Args[0].E))
      return Val::of(unary(Op::ToInt, Args[0].E));
    return Val();
  }
  if (Name == "String" && Args.size() == 1 && Args[0].E) {
    ValueType T = valueType(*Args[0].E);
    if (T == ValueType::Str)
      return Args[0];
    if (T == ValueType::Int)
      return Val::of(unary(Op::ToStr, Args[0].E));
  }
  (void)Call;
  return std::nullopt;
}

Val Lowerer::construct(llvm::StringRef Name, const std::vector<Val> &Args) {
  if (Name == "ActiveXObject" && !Args.empty()) {
    if (auto P = constText(Args[0]))
      return fromVb(vbscript::classifyProgId(*P));
    return {};
  }
  if (Name == "Enumerator" && !Args.empty()) {
    if (Args[0].Obj == ObjKind::OsCollection)
      return Val::obj(ObjKind::OsEnumerator);
    if (Args[0].Obj == ObjKind::FileCollection)
      return Val::obj(ObjKind::FileEnumerator);
    if (Args[0].Obj == ObjKind::OtherWmi)
      return Args[0];
    return {};
  }
  if (Name == "RegExp" && !Args.empty() && constText(Args[0])) {
    Val R = Val::obj(ObjKind::RegExp);
    R.E = Args[0].E;
    R.IgnoreCase = Args.size() > 1 && constText(Args[1]) &&
                   llvm::StringRef(*constText(Args[1])).contains('i');
    return R;
  }
  if (Name == "Object")
    return Val::obj(ObjKind::Object);
  return {};
}

Val Lowerer::member(const Val &Obj, llvm::StringRef Name, script::Node N) {
  switch (Obj.Obj) {
  case ObjKind::OsInstance:
    if (auto SQ = vbscript::wmiOsProperty(Name))
      return Val::of(sourceValue(SQ->Q, SQ->AsString,
                                 "Win32_OperatingSystem." + Name.str()));
    return Val::of(unknown());
  case ObjKind::FileInstance:
    if (Name.equals_insensitive("Version"))
      return Val::of(quantity(Quantity::FileVersion,
                              "CIM_DataFile.Version of a system binary"));
    return Val::of(unknown());
  case ObjKind::Object: {
    auto P = Obj.Props.find(Name.str());
    if (P != Obj.Props.end())
      return P->second;
    break;
  }
  case ObjKind::ArrayScan:
    if (Obj.Name.empty()) { // `catalog[i].build`: that property of each
      Val S = Obj;
      S.Name = Name.str();
      return S;
    }
    return {};
  case ObjKind::Instance: {
    auto C = InstanceProps.find(Obj.Name);
    if (C != InstanceProps.end())
      if (auto P = C->second.find(Name.str()); P != C->second.end())
        return P->second;
    break; // not set where this file shows: what its name says
  }
  case ObjKind::Array:
    return Val::of(unknown());
  case ObjKind::Exec:
    if (Name.equals_insensitive("StdOut")) {
      Val V = Val::obj(ObjKind::ExecStdOut);
      V.Path = Obj.Path; // the command
      return V;
    }
    return {};
  case ObjKind::None:
    if (Obj.E) {
      if (Name == "length" && valueType(*Obj.E) == ValueType::Str)
        return Val::of(unary(Op::Length, Obj.E));
      return Val::of(unknown());
    }
    break;
  default:
    return {};
  }
  // An object out of sight: what the property's name says.
  if (auto Q = inferFromName(Name))
    return Val::of(*Q);
  (void)N;
  return {};
}

Val Lowerer::item(const Val &Obj, const Val &Index, script::Node N) {
  std::optional<int64_t> I = constInt(Index);
  if (Obj.Obj == ObjKind::Array) {
    if (I && *I >= 0 && *I < int64_t(Obj.Items.size()))
      return Obj.Items[*I];
    return {};
  }
  if (Obj.Obj == ObjKind::OsCollection)
    return Val::obj(ObjKind::OsInstance);
  if (Obj.Obj == ObjKind::FileCollection)
    return Val::obj(ObjKind::FileInstance);
  if (!Obj.E || !I)
    return {};
  // `re.exec(s)[3]`, `s.match(re)[3]`: capture group 3 of the match.
  if (ExprPtr G = core::regexGroup(*Obj.E, *I))
    return Val::of(G);
  if (Obj.E->Kind == Op::Split) {
    if (ExprPtr Part = versionComponent(*Obj.E, *I))
      return Val::of(Part);
    return Val::of(core::binary(Op::Index, Obj.E, intConst(*I)));
  }
  if (valueType(*Obj.E) == ValueType::Str && *I >= 0)
    return Val::of(nary(Op::Substr, {Obj.E, intConst(*I), intConst(1)}));
  (void)N;
  return {};
}

Val Lowerer::method(const Val &Obj, llvm::StringRef M, script::Node Call,
                    const std::vector<Val> &Args,
                    const std::vector<script::Node> &ArgNodes, int Depth) {
  std::string L = M.lower();
  switch (Obj.Obj) {
  case ObjKind::WmiService:
    if (L == "execquery" && !Args.empty()) {
      wql(Args[0], ArgNodes[0], Call);
      auto Q = constText(Args[0]);
      if (Q && vbscript::classifyWmiPath(*Q) == vbscript::ObjKind::OsCollection)
        return Val::obj(ObjKind::OsCollection);
      if (Q && llvm::StringRef(*Q).contains_insensitive("cim_datafile") &&
          core::builtinSources().quotesSystemBinary(
              llvm::StringRef(*Q).lower()))
        return Val::obj(ObjKind::FileCollection);
      if (Q && llvm::StringRef(*Q).contains_insensitive("from "))
        return Val::obj(ObjKind::OtherWmi); // another class's instances
      return {};
    }
    if ((L == "instancesof" || L == "get") && !Args.empty())
      if (auto P = constText(Args[0]))
        return fromVb(vbscript::classifyWmiPath(*P));
    return {};
  case ObjKind::Locator:
    if (L == "connectserver")
      return Val::obj(ObjKind::WmiService);
    return {};
  case ObjKind::OsCollection:
    if (L == "itemindex" || L == "item")
      return Val::obj(ObjKind::OsInstance);
    return {};
  case ObjKind::OtherWmi:
    return L == "item" ? Obj : Val();
  case ObjKind::OsEnumerator:
    if (L == "item")
      return Val::obj(ObjKind::OsInstance);
    return {};
  case ObjKind::FileCollection:
  case ObjKind::FileEnumerator:
    if (L == "item" || L == "itemindex")
      return Val::obj(ObjKind::FileInstance);
    return {};
  case ObjKind::Shell:
    if (L == "regread" && !Args.empty()) {
      // `RegRead(KEY + name)` in a helper: the value its call names.
      if (Args[0].E && hasParam(*Args[0].E))
        return Val::of(unary(Op::RegistryValueOf, Args[0].E));
      auto P = constText(Args[0]);
      if (!P)
        return {};
      llvm::StringRef Path = *P;
      size_t Slash = Path.rfind('\\');
      if (Slash == llvm::StringRef::npos)
        return {};
      llvm::StringRef Key = Path.take_front(Slash),
                      Value = Path.substr(Slash + 1);
      auto SQ = vbscript::registryValue(Key, Value);
      if (!SQ)
        return {};
      // The build next to a revision, for a fix that needs both.
      std::vector<std::pair<Quantity, std::string>> Sib;
      script::Node Recv =
          script::field(script::field(Call, "function"), "object");
      if (SQ->Q == Quantity::Revision && typeOf(Recv) == "identifier")
        Sib.push_back(
            {Quantity::Build, "parseInt(" + text(Recv).str() + ".RegRead(" +
                                  quoted(Key.str() + "\\CurrentBuildNumber") +
                                  "), 10)"});
      return Val::of(sourceValue(SQ->Q, SQ->AsString, "registry " + Value.str(),
                                 std::move(Sib)));
    }
    if (L == "exec" && !Args.empty()) {
      // `shell.Exec("cmd /c ver").StdOut.ReadAll()`
      auto C = constText(Args[0]);
      if (!C || !core::commandOutput(*C))
        return {};
      Val V = Val::obj(ObjKind::Exec);
      V.Path = *C; // the command, for what StdOut prints
      return V;
    }
    if (L == "expandenvironmentstrings" && !Args.empty()) {
      Val P = Val::of(unknown());
      P.Path = pathOf(Args[0]);
      return P;
    }
    return {};
  case ObjKind::Fso:
    if (L == "getspecialfolder" && Args.size() == 1) {
      // 0: the Windows folder, 1: System32, 2: the temporary folder.
      Val P = Val::of(unknown());
      auto F = constInt(Args[0]);
      P.Path = !F        ? ""
               : *F == 0 ? "%windir%"
               : *F == 1 ? "%windir%\\System32"
                         : "";
      return P;
    }
    if (L == "buildpath" && Args.size() == 2) {
      Val P = Val::of(unknown());
      P.Path = pathOf(Args[0]) + "\\" + pathOf(Args[1]);
      return P;
    }
    if (L == "getfileversion" && !Args.empty()) {
      std::string P = pathOf(Args[0]);
      if (P.empty() && Args[0].E)
        P = core::constTail(*Args[0].E).value_or("");
      if (Args[0].E && hasParam(*Args[0].E) && !vbscript::isSystemBinary(P))
        return Val::of(unary(Op::FileVersionOf, Args[0].E));
      if (!vbscript::isSystemBinary(P))
        return {};
      return Val::of(
          quantity(Quantity::FileVersion, "the file version of " + P));
    }
    return {};
  case ObjKind::ExecStdOut:
    if (L == "readall" || L == "readline")
      if (ExprPtr Out = core::commandOutput(Obj.Path))
        return Val::of(Out);
    return {};
  case ObjKind::RegExp:
    if ((L == "test" || L == "exec") && !Args.empty() && Args[0].E && Obj.E &&
        Obj.E->Kind == Op::StrConst) {
      // exec: the match (null when none), truthy as test is; its items
      // are the capture groups (item()).
      auto R = clone(*core::binary(Op::Regex, asText(Args[0].E), Obj.E));
      if (Obj.IgnoreCase)
        R->Flags |= FlagCaseInsensitive;
      R->Syntax = Dialect::JScript;
      R->Written = spell(Call);
      return Val::of(R);
    }
    return {};
  default:
    break;
  }
  if (!Obj.E)
    return {};
  ExprPtr S = Obj.E;
  ValueType T = valueType(*S);
  if (M == "toString" && T == ValueType::Int)
    return Val::of(unary(Op::ToStr, S));
  if (T != ValueType::Str && !(T == ValueType::Unknown && dependsOnVersion(*S)))
    return {};
  auto Arg = [&](size_t I) { return operand(Args[I], ArgNodes[I]); };
  if ((M == "indexOf" || M == "lastIndexOf") && !Args.empty())
    return Val::of(core::findFrom(S, Arg(0), Args.size() > 1 ? Arg(1) : nullptr,
                                  M == "lastIndexOf"
                                      ? core::FindFrom::LastBefore
                                      : core::FindFrom::Forward));
  if (M == "split" && !Args.empty() && Args[0].E &&
      Args[0].E->Kind == Op::StrConst)
    return Val::of(core::binary(Op::Split, S, Arg(0)));
  if (M == "substr" && !Args.empty()) {
    ExprPtr Len = Args.size() > 1 ? Arg(1) : intConst(-1);
    return Val::of(nary(Op::Substr, {S, Arg(0), Len}));
  }
  if ((M == "substring" || M == "slice") && !Args.empty()) {
    auto From = constInt(Args[0]);
    if (!From || *From < 0)
      return Val::of(unknown());
    if (Args.size() == 1)
      return Val::of(nary(Op::Substr, {S, Arg(0), intConst(-1)}));
    auto To = constInt(Args[1]);
    if (!To || *To < *From)
      return Val::of(unknown());
    return Val::of(nary(Op::Substr, {S, Arg(0), intConst(*To - *From)}));
  }
  if (M == "charAt" && !Args.empty())
    return Val::of(nary(Op::Substr, {S, Arg(0), intConst(1)}));
  if (M == "toLowerCase")
    return Val::of(unary(Op::Lower, S));
  if (M == "toUpperCase")
    return Val::of(unary(Op::Upper, S));
  if (M == "toString" || M == "valueOf")
    return Obj;
  if (M == "match" && !Args.empty() && Args[0].Obj == ObjKind::RegExp &&
      Args[0].E && Args[0].E->Kind == Op::StrConst) {
    // Truthy when the pattern matches (an array), else null.
    auto R = clone(*core::binary(Op::Regex, asText(S), Args[0].E));
    if (Args[0].IgnoreCase)
      R->Flags |= FlagCaseInsensitive;
    R->Syntax = Dialect::JScript;
    R->Written = spell(Call);
    return Val::of(R);
  }
  // `s.search(/re/)`, `s.search("6.0.6002")` (text is a pattern too): the
  // offset of the first match, or -1.
  if (M == "search" && Args.size() == 1) {
    std::optional<std::string> Pat;
    bool CI = false;
    if (Args[0].Obj == ObjKind::RegExp && Args[0].E &&
        Args[0].E->Kind == Op::StrConst) {
      Pat = Args[0].E->Str;
      CI = Args[0].IgnoreCase;
    } else if (!Args[0].isObject()) {
      Pat = constText(Args[0]);
    }
    if (Pat) {
      auto R = clone(*core::binary(Op::Find, asText(S), strConst(*Pat)));
      R->Flags |= FlagRegexPattern | (CI ? FlagCaseInsensitive : 0);
      R->Syntax = Dialect::JScript;
      return Val::of(R);
    }
  }
  // `s.replace(/^\s+|\s+$/g, "")`: JScript's trim (String.prototype.trim
  // came with ES5).
  if (M == "replace" && Args.size() == 2 && Args[0].Obj == ObjKind::RegExp &&
      Args[0].E && Args[0].E->Kind == Op::StrConst &&
      constText(Args[1]) == std::optional<std::string>("")) {
    llvm::StringRef P = Args[0].E->Str;
    if (P == "^\\s+|\\s+$" || P == "^\\s*|\\s*$" || P == "(^\\s+)|(\\s+$)" ||
        P == "(^\\s*)|(\\s*$)")
      return Val::of(unary(Op::Trim, S));
    return {};
  }
  if (M == "replace" && Args.size() == 2 && Args[0].E &&
      Args[0].E->Kind == Op::StrConst && Args[0].Obj == ObjKind::None) {
    // A string pattern: the first occurrence only; versions have one.
    return Val::of(nary(Op::Replace, {S, Arg(0), Arg(1)}));
  }
  (void)Depth;
  return {};
}

void Lowerer::literalQuery(script::Node Lit) {
  Val V = lower(Lit);
  if (V.E && V.E->Kind == Op::StrConst && script::queriesOs(V.E->Str))
    wql(V, Lit, Lit);
}

void Lowerer::wql(const Val &Query, script::Node QueryNode, script::Node Call) {
  if (!Emit)
    return;
  auto Q = constText(Query);
  if (!Q)
    return;
  std::string Lower = llvm::StringRef(*Q).lower();
  size_t From = llvm::StringRef(Lower).find(" from ");
  if (From == std::string::npos ||
      !llvm::StringRef(Lower).substr(From + 6).ltrim().starts_with(
          "win32_operatingsystem"))
    return;
  // Offsets of the query's characters in the file: those of a string
  // literal's fragments (an escape has none: a fix does not edit it).
  std::vector<int64_t> At(Q->size(), -1);
  QueryNode = unwrap(QueryNode);
  if (typeOf(QueryNode) == "string") {
    size_t I = 0;
    for (script::Node K = script::firstChild(QueryNode); !script::isNull(K);
         K = script::nextSibling(K)) {
      if (typeOf(K) == "string_fragment") {
        for (uint32_t B = script::startByte(K);
             B < script::endByte(K) && I < At.size(); ++B)
          At[I++] = B;
      } else if (typeOf(K) == "escape_sequence") {
        ++I;
      }
    }
  }
  script::WqlPropertyFn Prop = [](llvm::StringRef Name) -> ExprPtr {
    auto SQ = vbscript::wmiOsProperty(Name);
    if (!SQ)
      return nullptr;
    return sourceValue(SQ->Q, SQ->AsString,
                       "Win32_OperatingSystem." + Name.str());
  };
  script::WqlSpanFn SpanFn = [&](uint32_t B,
                                 uint32_t E) -> std::optional<SourceSpan> {
    if (E <= B || E > At.size())
      return std::nullopt;
    for (uint32_t I = B; I < E; ++I)
      if (At[I] < 0 || (I > B && At[I] != At[I - 1] + 1))
        return std::nullopt;
    return span(uint32_t(At[B]), uint32_t(At[E - 1] + 1));
  };
  auto Parsed = script::parseWqlQuery(*Q, Prop, SpanFn);
  if (!Parsed || !Parsed->Where || !dependsOnVersion(*Parsed->Where))
    return;
  emitCondition(Parsed->Where, span(Call),
                normalize(llvm::StringRef(*Q).substr(Parsed->WhereBegin)),
                script::startByte(QueryNode));
}

} // namespace verguard::jscript
