//===- Sources.cpp - which Python values are OS version quantities -------===//
//
// sys.getwindowsversion(), platform.version()/win32_ver()/uname()/
// platform(), winreg on HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion
// and the wmi package's Win32_OperatingSystem; the registry values and WMI
// properties come from rules/sources.yaml. platform.release() ("2008Server",
// "7", "10") names the release, which a bump does not change.
//
//===----------------------------------------------------------------------===//
#include "python/Lowerer.h"
#include "script/Wql.h"

#include "llvm/Support/Path.h"

#include "core/Evaluator.h"
#include "core/Flow.h"
#include "core/SourceTable.h"

#include "llvm/ADT/StringExtras.h"

using namespace verguard::core;

namespace verguard::python {

namespace {

ExprPtr q(Quantity Q, std::string Prov) { return quantity(Q, std::move(Prov)); }

/// The item of a struct sequence / tuple result by index: of
/// sys.getwindowsversion(), or of pywin32's win32api.GetVersionEx() (Of),
/// which start alike (major, minor, build, platform id, service pack).
Val winVerItem(int64_t I, llvm::StringRef Of = "") {
  auto P = [&](const char *Member) {
    return Of.empty() ? "sys.getwindowsversion()." + std::string(Member)
                      : Of.str() + "[" + std::to_string(I) + "]";
  };
  switch (I) {
  case 0:
    return Val::of(q(Quantity::Major, P("major")));
  case 1:
    return Val::of(q(Quantity::Minor, P("minor")));
  case 2:
    return Val::of(q(Quantity::Build, P("build")));
  case 4:
    return Val::of(q(Quantity::CSDVersion, P("service_pack")));
  default:
    return Val::of(unknown());
  }
}

} // namespace

std::optional<ExprPtr> Lowerer::inferFromName(llvm::StringRef Name) const {
  if (ExprPtr E = namedQuantity(Name))
    return E;
  return std::nullopt;
}

std::optional<Val> Lowerer::sourceCall(const std::string &Name,
                                       script::Node Call,
                                       const std::vector<Val> &Args,
                                       const std::vector<script::Node> &Nodes) {
  for (const UserSource &U : Opts.Sources)
    if ((U.Language.empty() || U.Language == "python") &&
        (U.Name == Name || U.Name == Name + "()"))
      return Val::of(quantity(U.Q, "user source " + U.Name));
  if (Name == "sys.getwindowsversion")
    return Val::obj(ObjKind::WinVer);
  if (Name == "platform.version")
    return Val::of(q(Quantity::Version, "platform.version()"));
  if (Name == "platform.release" || Name == "platform.system" ||
      Name == "platform.machine" || Name == "platform.win32_edition")
    return Val::of(unknown());
  if (Name == "platform.win32_ver")
    return Val::obj(ObjKind::Win32Ver);
  if (Name == "platform.uname")
    return Val::obj(ObjKind::Uname);
  if (Name == "platform.platform")
    return Val::obj(ObjKind::Platform);
  if (Name == "getattr" && Args.size() >= 2 && Nodes.size() >= 2 &&
      dottedName(Nodes[0]) == "winreg" &&
      constText(Args[1]) == std::optional<std::string>("HKEY_LOCAL_MACHINE"))
    return Val::obj(ObjKind::HKLM);
  if (Name == "wmi.WMI")
    return Val::obj(ObjKind::WmiConn);
  // pywin32's COM: `Dispatch("WbemScripting.SWbemLocator")` (then
  // `.ConnectServer(...)`) and `GetObject("winmgmts:...")`.
  if ((Name == "win32com.client.Dispatch" ||
       Name == "win32com.client.DispatchEx") &&
      !Args.empty())
    if (auto P = constText(Args[0]);
        P &&
        llvm::StringRef(*P).equals_insensitive("WbemScripting.SWbemLocator"))
      return Val::obj(ObjKind::WmiLocator);
  if (Name == "win32com.client.GetObject" && !Args.empty())
    if (auto P = constText(Args[0]);
        P && llvm::StringRef(*P).starts_with_insensitive("winmgmts:"))
      return Val::obj(ObjKind::WmiConn);
  // LooseVersion(platform.version()) < LooseVersion("6.0.6003"),
  // packaging's Version/parse: compared component by component.
  if ((Name == "distutils.version.LooseVersion" ||
       Name == "distutils.version.StrictVersion" ||
       Name == "packaging.version.Version" ||
       Name == "packaging.version.parse" ||
       Name == "pkg_resources.parse_version") &&
      Args.size() == 1 && Args[0].E && typeOfExpr(*Args[0].E) == PyType::Str)
    return Val::of(unary(Op::VersionOf, Args[0].E));
  // `subprocess.check_output(["cmd", "/c", "ver"])`, `check_output("ver",
  // shell=True)`, `subprocess.getoutput("systeminfo")`: what it prints.
  // `dict(release=r, build=b)`: a record of its keyword arguments (and an
  // empty one, filled by `facts["build"] = ...`).
  if (Name == "dict" && Args.empty()) {
    Val D = Val::obj(ObjKind::Dict);
    script::Node ArgList = script::field(Call, "arguments");
    for (script::Node K : namedKids(ArgList)) {
      if (typeOf(K) != "keyword_argument")
        continue;
      setField(D, text(script::field(K, "name")).str(),
               lower(script::field(K, "value"), 1).E);
    }
    return D;
  }
  // `WinVer = collections.namedtuple("WinVer", "major minor build")`.
  if ((Name == "collections.namedtuple" || Name == "namedtuple") &&
      Args.size() >= 2) {
    std::vector<std::string> Names;
    if (auto F = constText(Args[1])) {
      llvm::SmallVector<llvm::StringRef, 8> Parts;
      llvm::StringRef(*F).split(Parts, ' ', -1, false);
      for (llvm::StringRef P : Parts)
        for (llvm::StringRef Q : llvm::split(P, ','))
          if (!Q.trim().empty())
            Names.push_back(Q.trim().str());
    } else if (Args[1].Obj == ObjKind::Tuple) {
      for (const Val &I : Args[1].Items)
        if (auto T = constText(I))
          Names.push_back(*T);
        else
          return Val();
    }
    if (Names.empty())
      return Val();
    Val T = Val::obj(ObjKind::RecordType);
    for (const std::string &F : Names)
      T.Items.push_back(Val::of(strConst(F)));
    return T;
  }
  // `os.path.join(system32, "kernel32.dll")`: what a file version reads is
  // the file's name (core::isSystemBinary looks at nothing else).
  if (Name == "os.path.join" && !Args.empty()) {
    std::string Joined;
    for (const Val &A : Args) {
      auto T = constText(A);
      Joined = T ? (Joined.empty() ? *T : Joined + "\\" + *T) : "";
    }
    auto Last = constText(Args.back());
    return Last ? Val::of(strConst(Joined.empty() ? "\\" + *Last : Joined))
                : Val();
  }
  // pywin32's `GetFileVersionInfo(path, "\\")` of a system binary: a dict
  // of the fixed file info, `FileVersionLS` being build << 16 | revision.
  if (Name == "win32api.GetFileVersionInfo" && !Args.empty()) {
    auto P = constText(Args[0]);
    if (!P || !builtinSources().isSystemBinary(*P))
      return Val();
    Val D = Val::obj(ObjKind::Dict);
    std::string File =
        llvm::sys::path::filename(*P, llvm::sys::path::Style::windows).str();
    for (const char *F : {"FileVersionMS", "FileVersionLS", "ProductVersionMS",
                          "ProductVersionLS"})
      D.Fields[F] = core::fixedFileInfoField(F, "the file version of " + File);
    return D;
  }
  if ((Name == "win32api.HIWORD" || Name == "win32api.LOWORD") &&
      Args.size() == 1 && Args[0].E) {
    ExprPtr X = Name == "win32api.HIWORD"
                    ? binary(Op::Shr, Args[0].E, intConst(16))
                    : Args[0].E;
    return Val::of(binary(Op::BitAnd, X, intConst(0xFFFF)));
  }
  if (Name == "win32api.GetVersionEx") {
    Val T = Val::obj(ObjKind::Tuple);
    for (int64_t I = 0; I < 5; ++I)
      T.Items.push_back(winVerItem(I, "win32api.GetVersionEx()"));
    return T;
  }
  // ... and `subprocess.run(...).stdout` (capture_output=True, or
  // stdout=PIPE), `subprocess.Popen(...)` (`.communicate()[0]`,
  // `.stdout.read()`).
  bool Run = Name == "subprocess.run" || Name == "subprocess.Popen";
  if ((Name == "subprocess.check_output" || Name == "subprocess.getoutput" ||
       Run) &&
      !Args.empty()) {
    std::string Line;
    if (auto T = constText(Args[0]))
      Line = *T;
    else if (Args[0].Obj == ObjKind::Tuple)
      for (const Val &I : Args[0].Items) {
        auto T = constText(I);
        if (!T)
          return Val();
        Line += (Line.empty() ? "" : " ") + *T;
      }
    // `ver` is cmd's own command: run through a shell.
    if (llvm::StringRef(Line).trim().equals_insensitive("ver"))
      Line = "cmd /c ver";
    ExprPtr Out = commandOutput(Line);
    if (!Out)
      return Val();
    if (!Run)
      return Val::of(Out);
    Val P = Val::obj(ObjKind::Process);
    P.E = Out;
    P.Name = Name;
    return P;
  }
  if (Name == "winreg.OpenKey" || Name == "winreg.OpenKeyEx" ||
      Name == "winreg.CreateKey" || Name == "winreg.CreateKeyEx") {
    if (Nodes.size() < 2)
      return Val();
    auto Sub = constText(Args[1]);
    if (Sub && Args[0].Obj == ObjKind::HKLM && isCurrentVersionKey(*Sub))
      return Val::obj(ObjKind::RegKey);
    return Val();
  }
  if (Name == "winreg.QueryValueEx" || Name == "winreg.QueryValue") {
    if (Args.size() < 2 || Args[0].Obj != ObjKind::RegKey)
      return Val();
    auto V = constText(Args[1]);
    if (!V)
      return Val();
    ExprPtr E = sourceValue(builtinSources().registryValue(*V),
                            "registry CurrentVersion\\" + *V);
    if (!E)
      return Val();
    if (Name == "winreg.QueryValue")
      return Val::of(E);
    // (value, type)
    Val R = Val::obj(ObjKind::Tuple);
    R.Items = {Val::of(E), Val::of(unknown())};
    return R;
  }
  if (Name == "int" && Args.size() == 1) {
    if (!Args[0].E)
      return Val();
    PyType T = typeOfExpr(*Args[0].E);
    if (T == PyType::Int)
      return Args[0];
    const Expr &A = *Args[0].E;
    if (A.Kind == Op::ToStr && typeOfExpr(*A.Kids[0]) == PyType::Int)
      return Val::of(A.Kids[0]); // a component of a split version: the number
    if (T == PyType::Str || dependsOnVersion(*Args[0].E))
      return Val::of(unary(Op::ToInt, Args[0].E));
    return Val();
  }
  if ((Name == "tuple" || Name == "list") && Args.size() == 1) {
    Val Items = elements(Args[0]);
    return Items.Obj == ObjKind::Tuple ? Items : Val();
  }
  if (Name == "map" && Args.size() == 2 &&
      (text(Nodes[0]) == "int" || text(Nodes[0]) == "str")) {
    // `map(int, platform.version().split("."))`: each item converted.
    Val Items = elements(Args[1]);
    if (Items.Obj != ObjKind::Tuple)
      return Val();
    Val R = Val::obj(ObjKind::Tuple);
    for (const Val &I : Items.Items) {
      std::optional<Val> C = sourceCall(text(Nodes[0]).str(), Call, {I}, {});
      R.Items.push_back(C && (C->E || C->isObject()) ? *C : Val::of(unknown()));
    }
    return R;
  }
  if (Name == "str" && Args.size() == 1) {
    if (!Args[0].E)
      return Val();
    PyType T = typeOfExpr(*Args[0].E);
    if (T == PyType::Str)
      return Args[0];
    if (T == PyType::Int)
      return Val::of(unary(Op::ToStr, Args[0].E));
    return Val();
  }
  if (Name == "len" && Args.size() == 1 && Args[0].E &&
      typeOfExpr(*Args[0].E) == PyType::Str)
    return Val::of(unary(Op::Length, Args[0].E));
  if (Name == "re.compile" && !Args.empty() && constText(Args[0])) {
    Val P = Val::obj(ObjKind::Pattern);
    P.E = Args[0].E;
    return P;
  }
  if ((Name == "re.match" || Name == "re.search" || Name == "re.fullmatch") &&
      Args.size() >= 2 && Args[0].E && Args[1].E) {
    Val P = Val::obj(ObjKind::Pattern);
    P.E = Args[0].E;
    std::vector<Val> Rest(Args.begin() + 1, Args.end());
    std::vector<script::Node> RestN(Nodes.begin() + 1, Nodes.end());
    return method(P, llvm::StringRef(Name).drop_front(3), Call, Rest, RestN, 0);
  }
  return std::nullopt;
}

Val Lowerer::member(const Val &Obj, llvm::StringRef Name, script::Node N) {
  switch (Obj.Obj) {
  case ObjKind::WinVer: {
    static const std::pair<const char *, int> Items[] = {
        {"major", 0}, {"minor", 1}, {"build", 2}, {"service_pack", 4}};
    for (auto &[M, I] : Items)
      if (Name == M)
        return winVerItem(I);
    if (Name == "service_pack_major")
      return Val::of(
          q(Quantity::SPMajor, "sys.getwindowsversion()." + Name.str()));
    if (Name == "service_pack_minor")
      return Val::of(
          q(Quantity::SPMinor, "sys.getwindowsversion()." + Name.str()));
    if (Name == "product_type")
      return Val::of(
          q(Quantity::ProductType, "sys.getwindowsversion()." + Name.str()));
    if (Name == "platform_version") {
      // kernel32's file version: (major, minor, build).
      Val T = Val::obj(ObjKind::Tuple);
      T.Items = {winVerItem(0), winVerItem(1), winVerItem(2)};
      return T;
    }
    return Val::of(unknown());
  }
  case ObjKind::Dict:
    // A namedtuple's field, `WinVer(...).build`.
    if (auto F = Obj.Fields.find(Name.str()); F != Obj.Fields.end())
      return Val::of(F->second);
    return Val::of(unknown());
  case ObjKind::Process:
    // CompletedProcess.stdout, and a Popen's stdout pipe (its .read()).
    if (Name == "stdout" && Obj.Name == "subprocess.run")
      return Val::of(Obj.E);
    if (Name == "stdout") {
      Val O = Obj;
      O.Obj = ObjKind::Pipe;
      return O;
    }
    return Val::of(unknown());
  case ObjKind::Uname:
    if (Name == "version")
      return Val::of(q(Quantity::Version, "platform.uname().version"));
    return Val::of(unknown());
  case ObjKind::DataFile:
    if (Name == "Version")
      return Val::of(
          q(Quantity::FileVersion, "CIM_DataFile.Version of a system binary"));
    return Val::of(unknown());
  case ObjKind::WmiOS:
    if (ExprPtr E = script::osProperty(Name))
      return Val::of(E);
    return Val::of(unknown());
  case ObjKind::Self: {
    auto C = ClassAttrs.find(Obj.Name);
    if (C != ClassAttrs.end()) {
      auto A = C->second.find(Name.str());
      if (A != C->second.end())
        return A->second;
    }
    break;
  }
  case ObjKind::None:
    // A parameter no call binds is an object out of sight too.
    if (Obj.E && Obj.E->Kind != Op::Param)
      return Val::of(unknown());
    break;
  default:
    return {};
  }
  // An object out of sight: what the attribute's name says.
  if (auto Q = inferFromName(Name))
    return Val::of(*Q);
  return {};
}

Val Lowerer::item(const Val &Obj, const Val &Index, script::Node N) {
  std::optional<int64_t> I;
  if (Index.E && Index.E->Kind == Op::IntConst)
    I = Index.E->Int;
  switch (Obj.Obj) {
  case ObjKind::WinVer:
    return I ? winVerItem(*I) : Val();
  case ObjKind::Win32Ver:
    if (I && *I == 1)
      return Val::of(q(Quantity::Version, "platform.win32_ver()[1]"));
    return Val::of(unknown());
  case ObjKind::Uname:
    if (I && *I == 3)
      return Val::of(q(Quantity::Version, "platform.uname()[3]"));
    return Val::of(unknown());
  case ObjKind::WmiOSList:
    return Val::obj(ObjKind::WmiOS);
  case ObjKind::DataFiles:
    return Val::obj(ObjKind::DataFile);
  case ObjKind::Tuple:
    if (I && *I < 0)
      *I += Obj.Items.size();
    if (I && *I >= 0 && *I < int64_t(Obj.Items.size()))
      return Obj.Items[*I];
    return {};
  default:
    break;
  }
  if (Obj.E && !I && Obj.E->Kind == Op::Split && Index.E &&
      Index.E->Kind == Op::Param) // `split(".")[index]` in a helper
    return Val::of(binary(Op::Index, Obj.E, Index.E));
  if (Obj.E && I && Obj.E->Kind == Op::Split) {
    Val Items = elements(Obj);
    if (*I < 0 && Items.Obj == ObjKind::Tuple) // `.split(".")[-1]`
      *I += Items.Items.size();
    if (ExprPtr Part = Obj.E ? versionComponent(*Obj.E, *I) : nullptr)
      return Val::of(Part);
    return Val::of(binary(Op::Index, Obj.E, intConst(*I)));
  }
  if (Obj.E && I && typeOfExpr(*Obj.E) == PyType::Str && *I >= 0)
    return Val::of(nary(Op::Substr, {Obj.E, intConst(*I), intConst(1)}));
  return {};
}

Val Lowerer::elements(const Val &Seq) const {
  if (Seq.Obj == ObjKind::Tuple)
    return Seq;
  const Expr *S = Seq.E.get();
  if (!S || S->Kind != Op::Split || S->Kids.size() != 2 ||
      S->Kids[0]->Kind != Op::Quantity)
    return {};
  std::optional<unsigned> Parts = dottedParts(S->Kids[0]->Q);
  if (!Parts || !versionComponent(*S, 0))
    return {};
  Val R = Val::obj(ObjKind::Tuple);
  for (unsigned I = 0; I < *Parts; ++I) {
    ExprPtr Part = versionComponent(*S, I);
    R.Items.push_back(Val::of(Part ? Part : unknown()));
  }
  return R;
}

void Lowerer::wmiKeywordFilter(script::Node Call, int Depth) {
  // `c.Win32_OperatingSystem(BuildNumber="6002")`: the wmi package's WHERE
  // clause, one equality per keyword (WQL's `=`, which ignores case). The
  // instances it gives are none after the bump: a guard, with no fix
  // written into the argument list.
  ExprPtr Where;
  for (script::Node K : namedKids(script::field(Call, "arguments"))) {
    if (typeOf(K) != "keyword_argument")
      continue;
    ExprPtr Q = script::osProperty(text(script::field(K, "name")));
    ExprPtr V = lower(script::field(K, "value"), Depth + 1).E;
    if (!Q || !V || !V->isConst())
      continue;
    ExprPtr Test = cmp(CmpOp::EQ, Q, V, CmpMode::StrCI);
    Where = Where ? logicAnd(Where, Test) : Test;
  }
  if (!Emit || !Where || !dependsOnVersion(*Where))
    return;
  llvm::StringRef T = text(Call);
  emitCondition(Where, span(Call),
                normalize(T.substr(T.find("Win32_OperatingSystem"))),
                script::startByte(Call));
}

Val Lowerer::method(const Val &Obj, llvm::StringRef Name, script::Node Call,
                    const std::vector<Val> &Args,
                    const std::vector<script::Node> &ArgNodes, int Depth) {
  // `conn.Win32_OperatingSystem()` of a connection out of sight (a
  // parameter no call binds): the wmi package's class accessor says what
  // conn is.
  if (Obj.Obj == ObjKind::None && (!Obj.E || Obj.E->Kind == Op::Param) &&
      Name == "Win32_OperatingSystem")
    return Val::obj(ObjKind::WmiOSList);
  if (Obj.Obj == ObjKind::WmiLocator)
    return Name == "ConnectServer" ? Val::obj(ObjKind::WmiConn) : Val();
  if (Obj.Obj == ObjKind::WmiConn) {
    if (Name == "Win32_OperatingSystem") {
      wmiKeywordFilter(Call, Depth);
      return Val::obj(ObjKind::WmiOSList);
    }
    // `CIM_DataFile(Name=r"C:\\Windows\\System32\\kernel32.dll")`: the
    // files of that name, whose Version is the binary's file version.
    if (Name == "CIM_DataFile") {
      script::Node Path = keywordArg(script::field(Call, "arguments"), "Name");
      auto P = script::isNull(Path) ? std::nullopt
                                    : constText(lower(Path, Depth + 1));
      return P && builtinSources().isSystemBinary(*P)
                 ? Val::obj(ObjKind::DataFiles)
                 : Val();
    }
    if ((Name == "query" || Name == "ExecQuery") && !Args.empty())
      if (auto S = constText(Args[0])) {
        if (llvm::StringRef(*S).contains_insensitive("win32_operatingsystem")) {
          wqlGuard(ArgNodes[0], Args[0].E);
          return Val::obj(ObjKind::WmiOSList);
        }
        auto Class = script::wqlQueryClass(*S);
        if (Class &&
            llvm::StringRef(*Class).equals_insensitive("CIM_DataFile") &&
            builtinSources().quotesSystemBinary(*S))
          return Val::obj(ObjKind::DataFiles);
      }
    return {};
  }
  if (Obj.Obj == ObjKind::Process && Name == "communicate") {
    Val T = Val::obj(ObjKind::Tuple);
    T.Items = {Val::of(Obj.E), Val::of(unknown())};
    return T;
  }
  if (Obj.Obj == ObjKind::Pipe && Name == "read")
    return Val::of(Obj.E);
  if (Obj.Obj == ObjKind::Dict && Name == "get" && !Args.empty())
    return lookup(Obj, Args[0]);
  // platform.platform() is "Windows-<release>-<version>-SP<n>"
  // ("Windows-2008Server-6.0.6002-SP2"): a suffix that starts with a digit
  // is a suffix of its version and service pack.
  if (Obj.Obj == ObjKind::Platform && Name == "endswith" && Args.size() == 1)
    if (auto T = constText(Args[0]);
        T && !T->empty() && llvm::isDigit((*T)[0])) {
      Val Tail = Val::of(nary(
          Op::Concat,
          {q(Quantity::Version, "platform.platform()"), strConst("-SP"),
           unary(Op::ToStr, q(Quantity::SPMajor, "platform.platform()"))}));
      return method(Tail, Name, Call, Args, ArgNodes, Depth);
    }
  // `line.strip().partition("=")`: the same line without its blanks and
  // line break (wmic's lines end in `\r`); what follows the separator is
  // taken trimmed.
  if (Obj.Obj == ObjKind::TextLine && (Name == "strip" || Name == "rstrip") &&
      Args.empty()) {
    Val T = Obj;
    T.Trimmed = true;
    return T;
  }
  // `key, _, value = line.partition(":")`, `k, v = line.split("=", 1)`.
  if (Obj.Obj == ObjKind::TextLine &&
      (Name == "partition" || Name == "split") && !Args.empty())
    if (auto Sep = constText(Args[0]); Sep && !Sep->empty()) {
      Val K = Val::obj(ObjKind::LineKey), V = Val::obj(ObjKind::LineValue);
      K.E = V.E = Obj.E;
      K.Sep = V.Sep = *Sep;
      V.Trimmed = Obj.Trimmed;
      Val T = Val::obj(ObjKind::Tuple);
      T.Items = {K, V};
      if (Name == "partition")
        T.Items.insert(T.Items.begin() + 1, Val::of(strConst(*Sep)));
      return T;
    }
  if ((Obj.Obj == ObjKind::LineKey || Obj.Obj == ObjKind::LineValue) &&
      Name == "strip" && Args.empty()) {
    Val T = Obj;
    T.Trimmed = true;
    return T;
  }
  if (Obj.Obj == ObjKind::Pattern && !Args.empty() && Args[0].E) {
    // match: anchored at the start; fullmatch: the whole string.
    if (Name != "match" && Name != "search" && Name != "fullmatch")
      return {};
    ExprPtr Pat = Obj.E;
    if (Name == "match" && Pat->Kind == Op::StrConst) {
      // A group that captures nothing: m.group(n) stays the program's n.
      auto P = clone(*Pat);
      P->Str = "^(?:" + Pat->Str + ")";
      Pat = P;
    }
    auto R = clone(*binary(Op::Regex, Args[0].E, Pat));
    if (Name == "fullmatch")
      R->Flags |= FlagWholeMatch;
    R->Syntax = Dialect::Python;
    R->Written = spell(Call);
    Val M = Val::obj(ObjKind::Match);
    M.E = R;
    return M;
  }
  // m.group(1) of `m = re.search(r"Version 6\.0\.(\d+)", out)`.
  if (Obj.Obj == ObjKind::Match && Obj.E && Obj.E->Kind == Op::Regex &&
      (Name == "group" || Name == "__getitem__") && Args.size() <= 1) {
    // By number or by name (`m.group("build")` of `(?P<build>\d+)`).
    ExprPtr G = Args.empty() ? core::regexGroup(*Obj.E, int64_t(0))
                : Args[0].E  ? core::regexGroup(*Obj.E, *Args[0].E)
                             : nullptr;
    return G ? Val::of(G) : Val();
  }
  // m.groups(): each of the pattern's groups.
  if (Obj.Obj == ObjKind::Match && Obj.E && Obj.E->Kind == Op::Regex &&
      Name == "groups" && Args.empty()) {
    const Expr *Pat = Obj.E->Kids[1].get();
    if (!Pat || Pat->Kind != Op::StrConst)
      return {};
    std::optional<unsigned> Count = core::regexGroupCount(Pat->Str);
    if (!Count)
      return {};
    Val T = Val::obj(ObjKind::Tuple);
    for (unsigned I = 1; I <= *Count; ++I)
      T.Items.push_back(Val::of(core::regexGroup(*Obj.E, I)));
    return T;
  }
  if (!Obj.E || typeOfExpr(*Obj.E) != PyType::Str)
    return {};
  // str methods.
  ExprPtr S = Obj.E;
  auto Arg = [&](size_t I) { return operand(Args[I], ArgNodes[I]); };
  if ((Name == "startswith" || Name == "endswith") && !Args.empty()) {
    Op K = Name == "startswith" ? Op::StartsWith : Op::EndsWith;
    auto One = [&](ExprPtr X, Spelling W) {
      auto R = clone(*binary(K, S, std::move(X)));
      R->Syntax = Dialect::Python;
      R->Written = std::move(W);
      return ExprPtr(R);
    };
    if (Args[0].Obj == ObjKind::Tuple) {
      // startswith(("6.0.6002", "6.0.6003")): any of them.
      ExprPtr R;
      for (const Val &I : Args[0].Items) {
        ExprPtr T = One(I.expr(), {});
        R = R ? logicOr(R, T) : T;
      }
      return Val::of(R ? R : boolConst(false));
    }
    return Val::of(One(Arg(0), spell(Call)));
  }
  if ((Name == "find" || Name == "index" || Name == "rfind") && !Args.empty() &&
      Args.size() <= 2)
    return Val::of(
        findFrom(S, Arg(0), Args.size() > 1 ? Arg(1) : nullptr,
                 Name == "rfind" ? FindFrom::LastAfter : FindFrom::Forward));
  if (Name == "split" && !Args.empty())
    return Val::of(binary(Op::Split, S, Arg(0)));
  if (Name == "strip" && Args.empty())
    return Val::of(unary(Op::Trim, S));
  // check_output's bytes as text.
  if (Name == "decode")
    return Val::of(S);
  // "{}.{}.{}".format(v.major, v.minor, v.build): plain `{}` and `{N}`
  // fields (no format spec), `{{` and `}}` for braces.
  if (Name == "format" && S->Kind == Op::StrConst) {
    std::vector<ExprPtr> Texts;
    for (const Val &A : Args)
      Texts.push_back(FormattedText::text(A.E));
    ExprPtr R = core::braceFormat(S->Str, Texts);
    return R ? Val::of(R) : Val();
  }
  if (Name == "lower" || Name == "casefold")
    return Val::of(unary(Op::Lower, S));
  if (Name == "upper")
    return Val::of(unary(Op::Upper, S));
  if (Name == "replace" && Args.size() == 2)
    return Val::of(nary(Op::Replace, {S, Arg(0), Arg(1)}));
  if (Name == "__contains__" && !Args.empty())
    return Val::of(binary(Op::Contains, S, Arg(0)));
  return {};
}

} // namespace verguard::python
