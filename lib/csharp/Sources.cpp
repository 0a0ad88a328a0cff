//===- Sources.cpp - which C# values are OS version quantities -----------===//
//
// Environment.OSVersion (Version, VersionString, ServicePack),
// RuntimeInformation.OSDescription, System.Management's
// ManagementObjectSearcher over Win32_OperatingSystem, Microsoft.Win32's
// Registry on HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion,
// FileVersionInfo of a system binary and the OSVERSIONINFO(EX) structs that
// GetVersionEx and RtlGetVersion fill through P/Invoke. The registry values,
// WMI properties, struct members and system binaries come from
// rules/sources.yaml.
//
// On NT, OSVersion.Version.Revision is not the UBR: .NET builds it from the
// service pack (wServicePackMajor << 16 | wServicePackMinor; 131072 on SP2),
// which is also why OSVersion.Version.ToString() is "6.0.6002.131072" there.
//
//===----------------------------------------------------------------------===//
#include "csharp/Lowerer.h"

#include "core/Flow.h"
#include "core/SourceTable.h"
#include "script/Wql.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;
using verguard::core::isCurrentVersionKey;

namespace verguard::csharp {

namespace {

ExprPtr q(Quantity Q, std::string Prov) { return quantity(Q, std::move(Prov)); }

bool isInt(const Val &V) { return V.E && valueType(*V.E) == ValueType::Int; }
bool isStr(const Val &V) { return V.E && valueType(*V.E) == ValueType::Str; }

/// A StringComparison argument that ignores case.
bool ignoresCase(const std::vector<script::Node> &Nodes, size_t From,
                 llvm::StringRef Src) {
  for (size_t I = From; I < Nodes.size(); ++I)
    if (script::text(Nodes[I], Src).contains("IgnoreCase"))
      return true;
  return false;
}

} // namespace

bool Lowerer::consumes(script::Node N) const {
  static const llvm::StringRef Reads[] = {
      "ReadToEnd",      "ReadLine",      "Read",    "ReadBlock",
      "ReadToEndAsync", "ReadLineAsync", "Start",   "Next",
      "Dequeue",        "Pop",           "MoveNext"};
  return !script::isNull(N) &&
         script::callsNamed(N, Src, "invocation_expression",
                            "member_access_expression", "name", Reads);
}

ExprPtr Lowerer::regexGroup(const ExprPtr &Test, int64_t I) {
  ExprPtr G = Test ? core::regexGroup(*Test, I) : nullptr;
  return G ? G : unknown();
}

std::optional<ExprPtr> Lowerer::inferFromName(llvm::StringRef Name) const {
  if (ExprPtr E = namedQuantity(Name))
    return E;
  return std::nullopt;
}

std::optional<Val> Lowerer::staticMember(const std::string &Dotted) {
  for (const UserSource &U : Opts.Sources)
    if ((U.Language.empty() || U.Language == "csharp") && U.Name == Dotted)
      return Val::of(quantity(U.Q, "user source " + U.Name));
  if (Dotted == "Environment.OSVersion")
    return Val::obj(ObjKind::OSVersion);
  if (Dotted == "RuntimeInformation.OSDescription")
    // "Microsoft Windows 6.0.6002" on .NET Core and .NET 5+.
    return Val::of(nary(Op::Concat, {strConst("Microsoft Windows "),
                                     q(Quantity::Version,
                                       "RuntimeInformation.OSDescription")}));
  if (Dotted == "Registry.LocalMachine")
    return Val::obj(ObjKind::HKLM);
  if (Dotted == "Environment.SystemDirectory")
    return Val::of(strConst("C:\\Windows\\system32"));
  return std::nullopt;
}

std::optional<Val> Lowerer::sourceCall(const std::string &Name,
                                       script::Node Call,
                                       const std::vector<Val> &Args,
                                       const std::vector<script::Node> &Nodes) {
  for (const UserSource &U : Opts.Sources)
    if ((U.Language.empty() || U.Language == "csharp") &&
        (U.Name == Name || U.Name == Name + "()"))
      return Val::of(quantity(U.Q, "user source " + U.Name));
  llvm::StringRef N = Name;
  if (N == "Registry.GetValue" && Args.size() >= 2) {
    auto Key = constText(Args[0]), V = constText(Args[1]);
    if (!Key || !V || !isCurrentVersionKey(*Key))
      return Val();
    ExprPtr E = sourceValue(builtinSources().registryValue(*V),
                            "registry CurrentVersion\\" + *V);
    return E ? Val::of(E) : Val();
  }
  if ((N == "RegistryKey.OpenBaseKey" ||
       N == "RegistryKey.OpenRemoteBaseKey") &&
      !Nodes.empty())
    return text(Nodes[0]).ends_with("LocalMachine") ? Val::obj(ObjKind::HKLM)
                                                    : Val();
  if (N == "FileVersionInfo.GetVersionInfo" && !Args.empty()) {
    auto P = constText(Args[0]);
    return P && builtinSources().isSystemBinary(*P)
               ? Val::obj(ObjKind::FileInfo)
               : Val();
  }
  if (N == "Path.Combine" && !Args.empty()) {
    auto Last = constText(Args.back());
    return Last ? Val::of(strConst("C:\\Windows\\system32\\" + *Last)) : Val();
  }
  if (N == "Environment.ExpandEnvironmentVariables" && !Args.empty())
    return Args[0].E && Args[0].E->Kind == Op::StrConst
               ? Val::of(strConst(Args[0].E->Str))
               : Val();
  static const char *ToInt[] = {
      "int.Parse",       "Int32.Parse",      "uint.Parse",
      "UInt32.Parse",    "long.Parse",       "Int64.Parse",
      "Convert.ToInt32", "Convert.ToUInt32", "Convert.ToInt64",
      "Convert.ToInt16", "ushort.Parse",     "short.Parse"};
  if (llvm::is_contained(ToInt, N) && !Args.empty()) {
    if (!Args[0].E)
      return Val();
    // A parameter is parsed as what each call passes (text, or a number).
    if (Args[0].E->Kind == Op::Param)
      return Val::of(unary(Op::ToInt, Args[0].E));
    if (isInt(Args[0]))
      return Args[0];
    if (isStr(Args[0]))
      return Val::of(unary(Op::ToInt, Args[0].E));
    return Val();
  }
  if ((N == "int.TryParse" || N == "Int32.TryParse" || N == "uint.TryParse") &&
      Args.size() >= 2) {
    script::Node Out = Nodes.back();
    if (typeOf(Out) == "declaration_expression")
      Out = script::field(Out, "name");
    bool Text = isStr(Args[0]) || (Args[0].E && Args[0].E->Kind == Op::Param);
    assign(Out, Text ? Val::of(unary(Op::ToInt, Args[0].E)) : Val());
    if (!Text)
      return Val::of(unknown());
    // Whether the text is an integer (blanks around it allowed): a build
    // number read from the registry parses, and the parse's value is used.
    auto R = clone(
        *binary(Op::Regex, Args[0].E, strConst("^[ \t]*[-+]?[0-9]+[ \t]*$")));
    R->Syntax = Dialect::CSharp;
    return Val::of(R);
  }
  // `Math.Max(v.Build, 0)`: the larger (smaller) of two numbers.
  if ((N == "Math.Max" || N == "Math.Min") && Args.size() == 2 &&
      isInt(Args[0]) && isInt(Args[1]))
    return Val::of(
        nary(Op::Choose, {cmp(N == "Math.Max" ? CmpOp::GE : CmpOp::LE,
                              Args[0].E, Args[1].E, CmpMode::Int),
                          Args[0].E, Args[1].E}));
  // Convert.ToString(x, CultureInfo.InvariantCulture) (not (x, 16): a base).
  if (N == "Convert.ToString" &&
      (Args.size() == 1 || (Args.size() == 2 && !isInt(Args[1]))))
    return isInt(Args[0]) ? Val::of(unary(Op::ToStr, Args[0].E)) : Args[0];
  if ((N == "Version.Parse" || N == "Version.TryParse") && !Args.empty()) {
    // Of text not known to be the OS's (`bundleVersion`): a version all the
    // same, whose parts are not the OS's for their names' sake.
    Val V = Val::of(unary(Op::VersionOf, Args[0].E ? Args[0].E : unknown()));
    if (N == "Version.Parse")
      return V;
    script::Node Out = Nodes.back();
    if (typeOf(Out) == "declaration_expression")
      Out = script::field(Out, "name");
    assign(Out, V);
    return Val::of(unknown());
  }
  if ((N == "Regex.IsMatch" || N == "Regex.Match") && Args.size() >= 2 &&
      Args[0].E && Args[1].E) {
    auto R = clone(*binary(Op::Regex, Args[0].E, Args[1].E));
    if (ignoresCase(Nodes, 2, Src))
      R->Flags |= FlagCaseInsensitive;
    R->Syntax = Dialect::CSharp;
    return regexCall(std::move(R), Call, N == "Regex.IsMatch");
  }
  // string.Compare(ver, "6.0.6003", StringComparison.Ordinal) < 0: a
  // three-way comparison of the texts (culture rules order digits and dots
  // as ordinal does).
  if ((N == "string.Compare" || N == "String.Compare" ||
       N == "string.CompareOrdinal" || N == "String.CompareOrdinal") &&
      (Args.size() == 2 || Args.size() == 3) && Args[0].E && Args[1].E &&
      (isStr(Args[0]) || isStr(Args[1]))) {
    auto C = clone(*binary(Op::StrCompare, Args[0].E, Args[1].E));
    if (ignoresCase(Nodes, 2, Src))
      C->Flags |= FlagCaseInsensitive;
    return Val::of(C);
  }
  if ((N == "string.Equals" || N == "String.Equals") && Args.size() >= 2) {
    if (!isStr(Args[0]) && !isStr(Args[1]))
      return Val();
    return Val::of(atom(
        cmp(CmpOp::EQ, operand(Args[0], Nodes[0]), operand(Args[1], Nodes[1]),
            ignoresCase(Nodes, 2, Src) ? CmpMode::StrCI : CmpMode::Str,
            Dialect::CSharp, spell(Call)),
        Call));
  }
  // Process.Start(psi) or Process.Start("cmd.exe", "/c ver").
  if (N == "Process.Start" && !Args.empty()) {
    if (Args[0].Obj == ObjKind::Process)
      return Args[0];
    Val V = Val::obj(ObjKind::Process);
    V.Fields["FileName"] = strConst(constText(Args[0]).value_or(""));
    V.Fields["Arguments"] =
        strConst(Args.size() > 1 ? constText(Args[1]).value_or("") : "");
    return V;
  }
  // string.Format("{0}.{1}.{2}", v.Major, v.Minor, v.Build), with or
  // without a format provider first.
  if ((N == "string.Format" || N == "String.Format") && !Args.empty()) {
    size_t First = !isStr(Args[0]) && Args.size() >= 2 ? 1 : 0;
    auto F = constText(Args[First]);
    if (!F)
      return Val::of(unknown());
    std::vector<ExprPtr> Texts;
    for (size_t I = First + 1; I < Args.size(); ++I)
      Texts.push_back(Args[I].E ? asText(Args[I]) : unknown());
    ExprPtr R = core::braceFormat(*F, Texts);
    return Val::of(R ? R : unknown());
  }
  llvm::StringRef Last =
      N.rsplit('.').second.empty() ? N : N.rsplit('.').second;
  if (Last == "VerSetConditionMask")
    return conditionMask(Call, Args, Nodes);
  if (Last == "VerifyVersionInfo" || Last == "VerifyVersionInfoW" ||
      Last == "VerifyVersionInfoA") {
    ExprPtr E = verifyVersionInfo(Args);
    return Val::of(isBoolean(*E) ? atom(E, Call) : E);
  }
  if (Last == "RtlVerifyVersionInfo") {
    // STATUS_SUCCESS (0) when the test holds, else STATUS_REVISION_MISMATCH.
    Val V = Val::obj(ObjKind::NtStatus);
    V.CmpA = verifyVersionInfo(Args);
    return V;
  }
  if (Last == "GetVersionEx" || Last == "GetVersionExW" ||
      Last == "GetVersionExA" || Last == "RtlGetVersion") {
    // P/Invoke: the struct passed by ref/out is filled with the version.
    for (script::Node A : Nodes) {
      script::Node Target = A;
      if (typeOf(A) == "declaration_expression")
        Target = script::field(A, "name");
      if (typeOf(Target) == "identifier")
        assign(Target, Val::obj(ObjKind::VerInfo));
    }
    return Val::of(unknown());
  }
  return std::nullopt;
}

Val Lowerer::regexCall(ExprPtr Test, script::Node Call, bool IsMatch) {
  auto R = clone(*Test);
  R->Written = spell(Call);
  if (IsMatch)
    return Val::of(atom(R, Call));
  // `m.Success`, `m.Value`, `m.Groups[3].Value` of
  // `var m = Regex.Match(RuntimeInformation.OSDescription, @"...")`.
  Val M = Val::obj(ObjKind::Match);
  M.E = R;
  return M;
}

void Lowerer::literalQuery(script::Node Lit) {
  Val V = lower(Lit);
  if (V.E && V.E->Kind == Op::StrConst && script::queriesOs(V.E->Str))
    wqlGuard(Lit, V.E->Str);
}

void Lowerer::wqlGuard(script::Node Lit, llvm::StringRef Query) {
  if (!Emit)
    return;
  // Plain literal text: its WHERE clause can be edited; a query put
  // together from constants (`"... = '" + BuildFilter + "'"`) cannot.
  bool Plain = typeOf(Lit) == "string_literal";
  std::string Q;
  for (script::Node K : namedKids(Lit)) {
    if (typeOf(K) != "string_literal_content")
      Plain = false;
    else
      Q += text(K).str();
  }
  if (Plain)
    wqlLiteralGuard(Q, script::startByte(Lit) + 1, Lit);
  else
    wqlLiteralGuard(Query, std::nullopt, Lit);
}

Val Lowerer::creation(llvm::StringRef Type, script::Node N,
                      const std::vector<Val> &Args,
                      const std::vector<script::Node> &ArgNodes, int Depth) {
  script::Node Init = script::field(N, "initializer");
  if (script::isNull(Init))
    for (script::Node K : namedKids(N))
      if (typeOf(K) == "initializer_expression")
        Init = K;
  if (Type == "Version") {
    if (Args.size() == 1)
      return Val::of(unary(Op::VersionOf, Args[0].E ? Args[0].E : unknown()));
    if (Args.size() < 2 || Args.size() > 4)
      return {};
    std::string S;
    bool Const = true;
    for (const Val &A : Args) {
      if (!A.E || A.E->Kind != Op::IntConst)
        Const = false;
      else
        S += (S.empty() ? "" : ".") + std::to_string(A.E->Int);
    }
    if (Const) // written here: a note where a field of it is compared
      return Val::of(spelledAt(unary(Op::VersionOf, strConst(S)), N));
    // `new Version(v.Major, v.Minor, v.Build)` (int parts: another is not
    // known).
    std::vector<ExprPtr> Parts;
    for (const Val &A : Args)
      Parts.push_back(isInt(A) ? A.E : unknown());
    ExprPtr V = core::versionOfParts(Parts);
    return V ? Val::of(V) : Val();
  }
  // `static readonly Regex Sp2 = new Regex(@"^6\.0\.6002")`: its
  // IsMatch(text) and Match(text) test the text.
  if (Type == "Regex" && !Args.empty() && Args[0].E &&
      Args[0].E->Kind == Op::StrConst) {
    auto R = clone(*binary(Op::Regex, unknown(), Args[0].E));
    if (ignoresCase(ArgNodes, 1, Src))
      R->Flags |= FlagCaseInsensitive;
    R->Syntax = Dialect::CSharp;
    Val V = Val::obj(ObjKind::Regex);
    V.E = R;
    return V;
  }
  if (Type == "ManagementObjectSearcher" || Type == "SelectQuery" ||
      Type == "ObjectQuery" || Type == "WqlObjectQuery") {
    bool OS = false;
    for (size_t I = 0; I < Args.size(); ++I) {
      auto S = constText(Args[I]);
      if (!S)
        continue;
      if (script::queriesOs(*S)) {
        OS = true;
        wqlGuard(unwrap(ArgNodes[I]), *S);
      }
      if (Type == "SelectQuery" &&
          llvm::StringRef(*S).equals_insensitive("Win32_OperatingSystem"))
        OS = true;
    }
    // new ManagementObjectSearcher(scope, query): the query object.
    for (const Val &A : Args)
      if (A.Obj == ObjKind::WmiSearcher)
        OS = true;
    return OS ? Val::obj(ObjKind::WmiSearcher) : Val();
  }
  if (Type == "ManagementClass" && !Args.empty()) {
    auto S = constText(Args.back());
    return S && llvm::StringRef(*S).ends_with_insensitive(
                    "Win32_OperatingSystem")
               ? Val::obj(ObjKind::WmiSearcher)
               : Val();
  }
  // `new ProcessStartInfo("cmd.exe", "/c ver")`, or with `FileName` and
  // `Arguments` in its initializer.
  if (Type == "ProcessStartInfo") {
    std::string File, Arguments;
    if (!Args.empty())
      File = constText(Args[0]).value_or("");
    if (Args.size() > 1)
      Arguments = constText(Args[1]).value_or("");
    if (!script::isNull(Init))
      for (script::Node A : namedKids(Init)) {
        if (typeOf(A) != "assignment_expression")
          continue;
        llvm::StringRef L = text(unwrap(script::field(A, "left")));
        auto T = constText(lower(script::field(A, "right"), Depth + 1));
        if (T && L == "FileName")
          File = *T;
        else if (T && L == "Arguments")
          Arguments = *T;
      }
    Val V = Val::obj(ObjKind::Process);
    V.Fields["FileName"] = strConst(File);
    V.Fields["Arguments"] = strConst(Arguments);
    return V;
  }
  if (Type.contains("OSVERSIONINFO")) {
    Val V = Val::obj(ObjKind::VerInfo);
    structFields(Init, V);
    return V;
  }
  if (Type == "Dictionary" || Type == "SortedDictionary" ||
      Type == "SortedList" || Type == "Hashtable" ||
      Type == "ConcurrentDictionary" || Type == "ReadOnlyDictionary") {
    if (script::isNull(Init))
      return Args.size() == 1 && Args[0].Obj == ObjKind::Dict ? Args[0] : Val();
    Val V = Val::obj(ObjKind::Dict);
    V.DictNode = Init;
    return V;
  }
  if (Type == "HashSet" || Type == "List" || Type == "SortedSet" ||
      Type == "Collection") {
    if (!script::isNull(Init))
      return lower(Init, Depth + 1);
    return Args.size() == 1 && Args[0].Obj == ObjKind::List ? Args[0] : Val();
  }
  if (Classes.count(Type.str())) {
    Val V = Val::obj(ObjKind::Instance);
    V.Name = Type.str();
    // `new OsSnapshot(v.Major, v.Minor, v.Build, ubr)` of a positional
    // record, or of a class whose constructor stores its parameters, and
    // `new HostOs { Build = v.Build }`: those members are the values given,
    // for this object and, as the first creation that gives one says, for
    // `this` inside and for a `HostProfile host` parameter (a known source
    // over one inferred from a name).
    auto Give = [&](const std::string &Member, const ExprPtr &Given) {
      if (!Given || !dependsOnVersion(*Given) || hasParam(*Given))
        return;
      Val X = Val::of(core::detached(Given));
      V.Fields[Member] = X.E;
      auto It = Members.find(V.Name + "." + Member);
      if (It == Members.end() || !It->second.carries() ||
          (inferredOnly(It->second) && !inferredOnly(X)))
        Members[V.Name + "." + Member] = X;
    };
    if (auto R = Positional.find({V.Name, Args.size()}); R != Positional.end())
      for (size_t I = 0; I < R->second.size() && I < Args.size(); ++I)
        if (!R->second[I].empty())
          Give(R->second[I], Args[I].E);
    // `BuildNumber = int.TryParse(build, out b) ? b : 0` in the constructor.
    if (auto C = CtorStores.find({V.Name, Args.size()});
        C != CtorStores.end()) {
      std::vector<ExprPtr> Bound(Args.size());
      for (size_t I = 0; I < Args.size(); ++I)
        Bound[I] = Args[I].isObject() || I >= ArgNodes.size()
                       ? param(I)
                       : operand(Args[I], ArgNodes[I]);
      for (const auto &[Member, E] : C->second)
        if (!V.Fields.count(Member))
          Give(Member, instantiate(E, Bound, {}, span(N)));
    }
    if (!script::isNull(Init))
      for (script::Node A : namedKids(Init)) {
        if (typeOf(A) != "assignment_expression")
          continue;
        script::Node L = unwrap(script::field(A, "left"));
        if (typeOf(L) == "identifier")
          Give(text(L).str(), lower(script::field(A, "right"), Depth + 1).E);
      }
    return V;
  }
  return {};
}

Val Lowerer::member(const Val &Obj, llvm::StringRef Name, script::Node N) {
  switch (Obj.Obj) {
  case ObjKind::OSVersion:
    if (Name == "Version")
      return Val::of(unary(Op::VersionOf, q(Quantity::DotNetVersion,
                                            "Environment.OSVersion.Version")));
    if (Name == "VersionString")
      return Val::of(
          q(Quantity::VersionString, "Environment.OSVersion.VersionString"));
    if (Name == "ServicePack")
      return Val::of(
          q(Quantity::CSDVersion, "Environment.OSVersion.ServicePack"));
    return Val::of(unknown());
  case ObjKind::FileInfo: {
    std::string P = "FileVersionInfo." + Name.str();
    if (Name == "FileMajorPart" || Name == "ProductMajorPart")
      return Val::of(q(Quantity::Major, P));
    if (Name == "FileMinorPart" || Name == "ProductMinorPart")
      return Val::of(q(Quantity::Minor, P));
    if (Name == "FileBuildPart" || Name == "ProductBuildPart")
      return Val::of(q(Quantity::Build, P));
    if (Name == "FilePrivatePart" || Name == "ProductPrivatePart")
      return Val::of(q(Quantity::Revision, P));
    if (Name == "FileVersion" || Name == "ProductVersion")
      return Val::of(q(Quantity::FileVersion, P));
    return Val::of(unknown());
  }
  case ObjKind::VerInfo:
    if (auto F = Obj.Fields.find(Name.str()); F != Obj.Fields.end())
      return Val::of(F->second);
    if (ExprPtr E = sourceValue(builtinSources().versionInfoMember(Name),
                                "OSVERSIONINFOEX." + Name.str()))
      return Val::of(E);
    return Val::of(unknown());
  case ObjKind::Process:
    if (Name == "StandardOutput") {
      Val O = Obj;
      O.Obj = ObjKind::ProcessOut;
      return O;
    }
    return Val::of(unknown());
  case ObjKind::Match:
    if (Name == "Success")
      return Val::of(Obj.E);
    if (Name == "Value")
      return Val::of(regexGroup(Obj.E, 0));
    if (Name == "Groups") {
      Val G = Obj;
      G.Obj = ObjKind::MatchGroups;
      return G;
    }
    return Val::of(unknown());
  case ObjKind::Class:
  case ObjKind::Instance: {
    if (auto F = Obj.Fields.find(Name.str()); F != Obj.Fields.end())
      return Val::of(F->second);
    auto M = Members.find(Obj.Name + "." + Name.str());
    if (M == Members.end() && Partial.count(Obj.Name) &&
        importDeclaring(Obj.Name))
      M = Members.find(Obj.Name + "." + Name.str());
    if (M == Members.end())
      return {};
    // A property that is a condition (`HasRollup => rev >= 24000`) is
    // reported where it is written, not again where it is read.
    const Val &P = M->second;
    if (P.E && isBoolean(*P.E) && !hasParam(*P.E) && dependsOnVersion(*P.E))
      return Val::of(unknown());
    return P;
  }
  case ObjKind::None:
    break;
  default:
    return {};
  }
  if (Obj.E) {
    if (Obj.E->Kind == Op::VersionOf || Obj.E->Kind == Op::Param)
      if (ExprPtr P = versionMember(*Obj.E, Name))
        return Val::of(P);
    if (Name == "Length" && valueType(*Obj.E) == ValueType::Str)
      return Val::of(unary(Op::Length, Obj.E));
    if (Name == "Value" &&
        (valueType(*Obj.E) == ValueType::Int || Obj.E->Kind == Op::RegexGroup))
      return Obj; // of an `int?`, of a match's group
    if (Obj.E->Kind != Op::Unknown)
      return Val::of(unknown());
  }
  if (auto K = verConstant(Name))
    return Val::of(intConst(*K, spell(N)));
  // A struct out of sight (an OSVERSIONINFOEX field of a class, a struct
  // returned by a wrapper): its member names are the table's.
  if (const SourceEntry *S = builtinSources().versionInfoMember(Name))
    return Val::of(quantity(S->Q, "inferred from `." + Name.str() + "`",
                            /*Inferred=*/true));
  if (auto Q = inferFromName(Name))
    return Val::of(*Q);
  return {};
}

Val Lowerer::item(const Val &Obj, const Val &Index, script::Node N) {
  std::optional<int64_t> I;
  if (Index.E && Index.E->Kind == Op::IntConst)
    I = Index.E->Int;
  if (Obj.Obj == ObjKind::MatchGroups) { // `m.Groups["build"]` too
    ExprPtr G = Obj.E && Index.E ? core::regexGroup(*Obj.E, *Index.E) : nullptr;
    return Val::of(G ? G : unknown());
  }
  if (Obj.Obj == ObjKind::MsiSession) { // `session["WindowsBuild"]`: text
    auto P = constText(Index);
    const core::InstallerEntry *E =
        P ? builtinSources().installerProperty(*P, /*Burn=*/false) : nullptr;
    return E ? Val::of(unary(Op::ToStr,
                             core::installerValue(*E, "property " + E->Name)))
             : Val::of(unknown());
  }
  if (Obj.Obj == ObjKind::WmiOS) {
    auto P = constText(Index);
    if (!P)
      return Val::of(unknown());
    if (ExprPtr E = sourceValue(builtinSources().wmiProperty(*P),
                                "Win32_OperatingSystem[\"" + *P + "\"]"))
      return Val::of(E);
    return Val::of(unknown());
  }
  if (Obj.Obj == ObjKind::List) {
    if (I && *I >= 0 && *I < int64_t(Obj.Items.size()))
      return Val::of(Obj.Items[*I]);
    return {};
  }
  if (Obj.E && I && Obj.E->Kind == Op::Split) {
    if (ExprPtr Part = versionComponent(*Obj.E, *I))
      return Val::of(Part);
    return Val::of(binary(Op::Index, Obj.E, intConst(*I)));
  }
  return {};
}

Val Lowerer::method(const Val &Obj, script::Node ObjN, llvm::StringRef Name,
                    script::Node Call, const std::vector<Val> &Args,
                    const std::vector<script::Node> &ArgNodes, int Depth) {
  switch (Obj.Obj) {
  case ObjKind::OSVersion:
    if (Name == "ToString")
      return Val::of(
          q(Quantity::VersionString, "Environment.OSVersion.ToString()"));
    return {};
  case ObjKind::WmiSearcher:
    if (Name == "Get" || Name == "GetInstances")
      return Val::obj(ObjKind::WmiList);
    return {};
  case ObjKind::ProcessOut:
    // `p.StandardOutput.ReadToEnd()` of `cmd /c ver` or `systeminfo`.
    if (Name == "ReadToEnd") {
      std::string Line;
      for (const char *F : {"FileName", "Arguments"})
        if (auto It = Obj.Fields.find(F); It != Obj.Fields.end())
          if (auto T = constText(*It->second))
            Line += (Line.empty() ? "" : " ") + *T;
      if (ExprPtr Out = core::commandOutput(Line))
        return Val::of(Out);
    }
    return Val::of(unknown());
  case ObjKind::WmiList:
    if (Name == "Cast" || Name == "OfType" || Name == "ToList" ||
        Name == "ToArray")
      return Obj;
    if (Name == "First" || Name == "FirstOrDefault" || Name == "Single" ||
        Name == "SingleOrDefault" || Name == "ElementAt" ||
        Name == "ElementAtOrDefault" || Name == "Last")
      return Val::obj(ObjKind::WmiOS);
    return {};
  case ObjKind::WmiOS:
    if ((Name == "GetPropertyValue" || Name == "get_Item") && !Args.empty())
      return item(Obj, Args[0], Call);
    return {};
  case ObjKind::HKLM:
    if (Name == "OpenSubKey" && !Args.empty()) {
      auto Key = constText(Args[0]);
      return Key && isCurrentVersionKey(*Key) ? Val::obj(ObjKind::RegKey)
                                              : Val();
    }
    return {};
  case ObjKind::RegKey:
    if (Name == "GetValue" && !Args.empty()) {
      auto V = constText(Args[0]);
      if (!V)
        return {};
      ExprPtr E = sourceValue(builtinSources().registryValue(*V),
                              "registry CurrentVersion\\" + *V);
      return E ? Val::of(E) : Val();
    }
    return {};
  case ObjKind::List:
    if (Name == "Contains" && Args.size() == 1) {
      std::vector<ExprPtr> Kids{operand(Args[0], ArgNodes[0])};
      for (const ExprPtr &X : Obj.Items)
        Kids.push_back(X);
      auto E = clone(*nary(Op::Element, std::move(Kids)));
      E->Cmp = CmpOp::EQ;
      E->Syntax = Dialect::CSharp;
      E->Written = spell(Call);
      return Val::of(atom(E, Call));
    }
    return {};
  case ObjKind::Dict:
    if ((Name == "ContainsKey" || Name == "TryGetValue" ||
         Name == "GetValueOrDefault" || Name == "Contains") &&
        !Args.empty())
      tableGuard(Obj.DictNode, operand(Args[0], ArgNodes[0]));
    return Val::of(unknown());
  default:
    break;
  }
  if (Obj.isObject() || !Obj.E)
    return {};
  ExprPtr S = Obj.E;
  ValueType ST = valueType(*S);
  if (ST == ValueType::Unknown && !dependsOnVersion(*S))
    return {};
  ExprPtr SOp = script::isNull(ObjN) ? S : operand(Obj, ObjN);
  auto Arg = [&](size_t I) { return operand(Args[I], ArgNodes[I]); };
  // `Version.ToString(3)` of the OS's: "6.0.6002" (also of a parameter
  // that is inferred to be the OS's).
  const Expr *SV = S.get();
  if (SV->Kind == Op::Param && !SV->Kids.empty() && SV->Kids[0])
    SV = SV->Kids[0].get();
  if (Name == "ToString" && Args.size() == 1 && ST == ValueType::Version &&
      Args[0].E && Args[0].E->Kind == Op::IntConst && Args[0].E->Int == 3 &&
      SV->Kind == Op::VersionOf && !SV->Kids.empty() &&
      SV->Kids[0]->Kind == Op::Quantity &&
      SV->Kids[0]->Q == Quantity::DotNetVersion)
    return Val::of(quantity(Quantity::Version,
                            SV->Kids[0]->has(FlagInferred)
                                ? SV->Kids[0]->Provenance
                                : "Environment.OSVersion.Version.ToString(3)",
                            SV->Kids[0]->has(FlagInferred)));
  // `Version.Parse(wmiVersion).ToString(3)`: its first N parts, dotted.
  if (Name == "ToString" && Args.size() == 1 && ST == ValueType::Version &&
      Args[0].E && Args[0].E->Kind == Op::IntConst && Args[0].E->Int >= 1 &&
      Args[0].E->Int <= 4 && SV->Kind == Op::VersionOf) {
    static const char *Parts[] = {"Major", "Minor", "Build", "Revision"};
    std::vector<ExprPtr> Dotted;
    for (int64_t I = 0; I < Args[0].E->Int; ++I) {
      ExprPtr P = versionMember(*SV, Parts[I]);
      if (!P || !dependsOnVersion(*P))
        return Val::of(unknown());
      if (I)
        Dotted.push_back(strConst("."));
      Dotted.push_back(unary(Op::ToStr, P));
    }
    return Val::of(nary(Op::Concat, std::move(Dotted)));
  }
  // `int?`: `b.Value`, `b.GetValueOrDefault()` are its value.
  if (Name == "GetValueOrDefault" && ST == ValueType::Int)
    return Obj;
  if (Name == "ToString" && Args.empty()) {
    if (ST == ValueType::Int)
      return Val::of(unary(Op::ToStr, S));
    if (ST == ValueType::Version && !S->Kids.empty())
      return Val::of(S->Kids[0]); // the components given, dotted
    return Obj;
  }
  if (ST == ValueType::Version || ST == ValueType::Int) {
    CmpMode M = ST == ValueType::Version ? CmpMode::Version : CmpMode::Int;
    if (Name == "CompareTo" && Args.size() == 1) {
      Val V = Val::obj(ObjKind::CompareTo);
      V.CmpA = SOp;
      V.CmpB = Arg(0);
      V.CmpM = M;
      return V;
    }
    if (Name == "Equals" && Args.size() == 1) {
      ValueType AT = Args[0].E ? valueType(*Args[0].E) : ValueType::Unknown;
      if (AT != ST && AT != ValueType::Unknown)
        return Val::of(boolConst(false)); // Equals(object) of another type
      return Val::of(atom(
          cmp(CmpOp::EQ, SOp, Arg(0), M, Dialect::CSharp, spell(Call)), Call));
    }
    return {};
  }
  if (ST != ValueType::Str)
    return {};
  bool CI = ignoresCase(ArgNodes, 1, Src);
  if ((Name == "StartsWith" || Name == "EndsWith" || Name == "Contains") &&
      !Args.empty()) {
    Op K = Name == "StartsWith" ? Op::StartsWith
           : Name == "EndsWith" ? Op::EndsWith
                                : Op::Contains;
    auto R = clone(*binary(K, SOp, Arg(0)));
    R->Syntax = Dialect::CSharp;
    // A fix writes the test twice: not over a read that consumes its
    // stream (`p.StandardOutput.ReadToEnd().Contains(...)`).
    if (!consumes(ObjN))
      R->Written = spell(Call);
    if (CI)
      R->Flags |= FlagCaseInsensitive;
    return Val::of(atom(R, Call));
  }
  if (Name == "Equals" && !Args.empty())
    return Val::of(
        atom(cmp(CmpOp::EQ, SOp, Arg(0), CI ? CmpMode::StrCI : CmpMode::Str,
                 Dialect::CSharp, spell(Call)),
             Call));
  if ((Name == "IndexOf" || Name == "LastIndexOf") && !Args.empty()) {
    // IndexOf(value[, startIndex[, count]][, comparisonType]).
    size_t Positions = 0;
    for (size_t I = 1; I < Args.size(); ++I)
      Positions += !script::text(ArgNodes[I], Src).contains("StringComparison");
    // LastIndexOf(value, startIndex): a match ending by startIndex.
    bool Last = Name == "LastIndexOf";
    if (Positions > 1 || (Last && Positions))
      return Val::of(unknown());
    return Val::of(findFrom(S, Arg(0), Positions ? Arg(1) : nullptr,
                            Last ? FindFrom::LastBefore : FindFrom::Forward,
                            CI));
  }
  if (Name == "Split" && !Args.empty()) {
    ExprPtr Sep = Args[0].E;
    // Split('.'): a character literal.
    if (typeOf(unwrap(ArgNodes[0])) == "character_literal") {
      llvm::StringRef C = text(unwrap(ArgNodes[0])).drop_front().drop_back();
      if (C.size() != 1)
        return {};
      Sep = strConst(C.str());
    }
    if (!Sep)
      return {};
    return Val::of(binary(Op::Split, S, Sep));
  }
  if (Name == "Substring" && !Args.empty() && Args[0].E)
    return Val::of(
        nary(Op::Substr,
             {S, Args[0].E, Args.size() > 1 ? Args[1].expr() : intConst(-1)}));
  if (Name == "Trim" && Args.empty())
    return Val::of(unary(Op::Trim, S));
  if (Name == "ToLower" || Name == "ToLowerInvariant")
    return Val::of(unary(Op::Lower, S));
  if (Name == "ToUpper" || Name == "ToUpperInvariant")
    return Val::of(unary(Op::Upper, S));
  if (Name == "Replace" && Args.size() == 2)
    return Val::of(nary(Op::Replace, {S, Arg(0), Arg(1)}));
  return {};
}

} // namespace verguard::csharp
