//===- WixFrontend.cpp - conditions of WiX sources ------------------------===//
//
// Two walks over the XML tree: the first learns the preprocessor's defines
// (`<?define Build = 6002 ?>`, also those of `<?include x.wxi?>` files) and
// what properties and Burn variables are set to (`Property Value=`,
// `SetProperty`, `RegistrySearch` of CurrentVersion, `Variable`); the second
// lowers each condition (lib/wix/Condition.h) with the language of where it
// is written: Burn's inside a bundle's chain and in `InstallCondition`-like
// attributes, Windows Installer's elsewhere.
//
//===----------------------------------------------------------------------===//
#include "wix/WixFrontend.h"

#include "core/Flow.h"
#include "core/SourceTable.h"
#include "script/Spelling.h"
#include "script/TreeSitter.h"
#include "wix/Condition.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>

extern "C" const TSLanguage *tree_sitter_xml(void);

using namespace verguard::core;

namespace verguard::wix {

namespace {

constexpr int MaxIncludeDepth = 8;

/// A `<?define?>`: its value, and where it is written when that is in the
/// file being analyzed (a fix may edit it there).
struct Define {
  std::string Value;
  bool Local = false;
  uint32_t B = 0, E = 0;
  bool Conflict = false;
};

/// What a property or Burn variable is set to, as far as verguard knows.
struct Setting {
  Value V;
  std::string Key; // to compare settings
  bool Conflict = false;
};

llvm::StringRef localName(llvm::StringRef Name) {
  size_t Colon = Name.rfind(':');
  return Colon == llvm::StringRef::npos ? Name : Name.drop_front(Colon + 1);
}

bool isBurnContainer(llvm::StringRef Local) {
  return Local == "Bundle" || Local == "Chain" || Local == "PackageGroup" ||
         Local == "BootstrapperApplication" ||
         Local == "BootstrapperApplicationRef" || Local == "MsiPackage" ||
         Local == "ExePackage" || Local == "MsuPackage" ||
         Local == "MspPackage" || Local == "BundlePackage";
}

/// An attribute or tag of an element.
struct Attr {
  llvm::StringRef Name;
  uint32_t B = 0, E = 0; // the value, inside its quotes
};

class Reader {
public:
  Reader(llvm::StringRef Path, const script::DecodedText &Text,
         const FrontendOptions &Opts, std::vector<Diagnostic> &Diags,
         std::vector<std::string> *Deps, llvm::StringSet<> &Seen, int Depth)
      : Path(Path), Text(Text), Src(Text.Utf8), Sp(Path, Text), Opts(Opts),
        Diags(Diags), Deps(Deps), Seen(Seen), Depth(Depth) {}

  llvm::StringMap<Define> Defines;
  llvm::StringMap<Setting> Props, BurnVars;

  /// The text with the preprocessor's instructions (`<?define?>`,
  /// `<?include?>`, `<?if?>`...) blanked out, as the XML parser sees it
  /// after the preprocessor: tree-sitter-xml stumbles on some of them
  /// (a `?` in a value), and they are no XML. Lines and columns stay.
  std::string withoutInstructions() {
    std::string Out = Src.str();
    preprocessor([&](uint32_t B, uint32_t E) {
      if (Src.slice(B, E).starts_with("<?xml"))
        return;
      for (uint32_t I = B; I < E; ++I)
        if (Out[I] != '\n' && Out[I] != '\r')
          Out[I] = ' ';
    });
    return Out;
  }

  /// The first walk: defines, includes and settings.
  void learn(script::Node Root) {
    preprocessor([&](uint32_t B, uint32_t E) { processingInstruction(B, E); });
    script::walk(Root, [&](script::Node N) {
      if (script::type(N) == "element")
        settings(N);
      return true;
    });
  }

  /// The second walk: the conditions.
  void lower(script::Node Root, std::vector<Guard> &Guards) {
    script::walk(Root, [&](script::Node N) {
      if (script::type(N) == "element")
        conditionsOf(N, Guards);
      return true;
    });
  }

private:
  llvm::StringRef Path;
  const script::DecodedText &Text;
  llvm::StringRef Src;
  script::Speller Sp;
  const FrontendOptions &Opts;
  std::vector<Diagnostic> &Diags;
  std::vector<std::string> *Deps;
  llvm::StringSet<> &Seen;
  int Depth;

  void note(uint32_t At, const std::string &Message) {
    Diags.push_back(script::noteAt(Path, Text, At, Message));
  }

  // --- the tags of an element ---
  script::Node tagOf(script::Node Element) {
    for (script::Node K : script::namedChildren(Element)) {
      llvm::StringRef T = script::type(K);
      if (T == "STag" || T == "EmptyElemTag")
        return K;
    }
    return {};
  }
  llvm::StringRef nameOf(script::Node Tag) {
    for (script::Node K : script::namedChildren(Tag))
      if (script::type(K) == "Name")
        return script::text(K, Src);
    return "";
  }
  std::vector<Attr> attributesOf(script::Node Tag) {
    std::vector<Attr> Out;
    for (script::Node K : script::namedChildren(Tag)) {
      if (script::type(K) != "Attribute")
        continue;
      Attr A;
      for (script::Node X : script::namedChildren(K)) {
        if (script::type(X) == "Name") {
          A.Name = script::text(X, Src);
        } else if (script::type(X) == "AttValue") {
          A.B = script::startByte(X);
          A.E = script::endByte(X);
          if (A.E - A.B >= 2 && (Src[A.B] == '"' || Src[A.B] == '\'') &&
              Src[A.E - 1] == Src[A.B]) {
            ++A.B;
            --A.E;
          }
        }
      }
      if (!A.Name.empty() && A.E >= A.B && A.E > 0)
        Out.push_back(A);
    }
    return Out;
  }
  const Attr *attr(const std::vector<Attr> &As, llvm::StringRef Name) {
    for (const Attr &A : As)
      if (A.Name == Name)
        return &A;
    return nullptr;
  }
  std::string attrText(const Attr *A) {
    return A ? decodeEntities(Src, A->B, A->E) : std::string();
  }

  // --- the first walk ---
  /// The preprocessor runs on the text before XML is parsed: its
  /// instructions are read from the text (outside comments and CDATA), not
  /// from the tree, where a parse error may hide them.
  void preprocessor(llvm::function_ref<void(uint32_t, uint32_t)> Each) {
    for (size_t I = Src.find('<'); I != llvm::StringRef::npos;
         I = Src.find('<', I + 1)) {
      llvm::StringRef R = Src.substr(I);
      llvm::StringRef Close = R.starts_with("<!--")        ? "-->"
                              : R.starts_with("<![CDATA[") ? "]]>"
                              : R.starts_with("<?")        ? "?>"
                                                           : "";
      if (Close.empty())
        continue;
      size_t E = Src.find(Close, I + 2);
      if (E == llvm::StringRef::npos)
        return;
      if (R.starts_with("<?"))
        Each(uint32_t(I), uint32_t(E + 2));
      I = E;
    }
  }

  void processingInstruction(uint32_t Base, uint32_t End) {
    llvm::StringRef T = Src.slice(Base, End);
    if (!T.consume_front("<?") || !T.consume_back("?>"))
      return;
    uint32_t Off = Base + 2;
    size_t NameEnd = T.find_first_of(" \t\r\n");
    llvm::StringRef Target = T.take_front(NameEnd);
    llvm::StringRef Rest = NameEnd == llvm::StringRef::npos
                               ? llvm::StringRef()
                               : T.drop_front(NameEnd);
    uint32_t RestOff = Off + uint32_t(Target.size());
    if (Target == "define") {
      // Name = value, Name = "value"
      size_t Eq = Rest.find('=');
      if (Eq == llvm::StringRef::npos)
        return;
      std::string Name = Rest.take_front(Eq).trim().str();
      llvm::StringRef V = Rest.drop_front(Eq + 1);
      uint32_t VB = RestOff + uint32_t(Eq + 1);
      size_t Lead = V.size() - V.ltrim().size();
      V = V.trim();
      VB += uint32_t(Lead);
      if (V.size() >= 2 && (V.front() == '"' || V.front() == '\'') &&
          V.back() == V.front()) {
        V = V.drop_front().drop_back();
        ++VB;
      }
      define(Name, V.str(), true, VB, VB + uint32_t(V.size()));
    } else if (Target == "include") {
      llvm::StringRef F = Rest.trim();
      if (F.size() >= 2 && (F.front() == '"' || F.front() == '\'') &&
          F.back() == F.front())
        F = F.drop_front().drop_back();
      include(F, Base);
    }
  }

  void define(const std::string &Name, std::string Value, bool Local,
              uint32_t B, uint32_t E) {
    auto [It, New] = Defines.try_emplace(Name);
    Define &D = It->second;
    if (!New) {
      if (D.Value != Value)
        D.Conflict = true; // redefined (under ifdef, per platform...)
      return;
    }
    D.Value = std::move(Value);
    D.Local = Local;
    D.B = B;
    D.E = E;
  }

  void include(llvm::StringRef Written, uint32_t At) {
    // The source file's directory is $(sys.SOURCEFILEDIR), and candle's
    // current directory is usually the project's: the same one here.
    std::string File = Written.str();
    for (llvm::StringRef Dir : {"$(sys.SOURCEFILEDIR)", "$(sys.CURRENTDIR)"})
      if (llvm::StringRef(File).starts_with(Dir))
        File = File.substr(Dir.size());
    llvm::StringRef F = llvm::StringRef(File).ltrim("\\/");
    if (F.empty() || F.contains("$("))
      return; // a path built by the preprocessor: not followed
    llvm::SmallString<256> Full(llvm::sys::path::parent_path(Path));
    llvm::SmallString<128> Rel(F);
    std::replace(Rel.begin(), Rel.end(), '\\', '/'); // ..\inc\x.wxi
    llvm::sys::path::append(Full, Rel);
    llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
    if (Depth >= MaxIncludeDepth || !Seen.insert(Full).second)
      return;
    auto Buf = llvm::MemoryBuffer::getFile(Full);
    if (!Buf) {
      note(At, "include file '" + Written.str() + "' not found (looked for " +
                   Full.str().str() + "); its defines are not followed");
      return;
    }
    if (Deps)
      Deps->push_back(Full.str().str());
    auto Decoded = script::decodeText((*Buf)->getBuffer(), Full);
    if (!Decoded) {
      note(At, "include file '" + Written.str() +
                   "' cannot be read: " + llvm::toString(Decoded.takeError()));
      return;
    }
    std::vector<Diagnostic> Ignored;
    Reader Inner(Full, *Decoded, Opts, Ignored, Deps, Seen, Depth + 1);
    std::string Xml = Inner.withoutInstructions();
    script::TreePtr Tree = script::parse(tree_sitter_xml(), Xml);
    if (!Tree)
      return;
    script::FlatTree Flat(ts_tree_root_node(Tree.get()));
    Inner.learn(Flat.root());
    for (auto &KV : Inner.Defines) {
      if (KV.second.Conflict) {
        auto [It, New] = Defines.try_emplace(KV.first());
        It->second.Conflict = true;
        continue;
      }
      define(KV.first().str(), KV.second.Value, false, 0, 0);
    }
  }

  static void set(llvm::StringMap<Setting> &M, llvm::StringRef Name, Value V,
                  std::string Key) {
    auto [It, New] = M.try_emplace(Name);
    if (New) {
      It->second.V = std::move(V);
      It->second.Key = std::move(Key);
    } else if (It->second.Key != Key) {
      It->second.Conflict = true;
    }
  }

  /// An OS property's value in the language (Burn: a variable).
  static Value osProperty(llvm::StringRef Name, bool Burn) {
    const InstallerEntry *E = builtinSources().installerProperty(Name, Burn);
    if (!E)
      return {};
    std::string Prov = (Burn ? "Burn variable " : "property ") + Name.str();
    ExprPtr V = core::installerValue(*E, Prov);
    switch (E->F) {
    case InstallerEntry::Value:
      return {V, isStringQuantity(E->Q) ? ValueKind::Str : ValueKind::Int};
    case InstallerEntry::NtVersion:
      return {V, ValueKind::Int};
    case InstallerEntry::MajorMinorVersion:
      return {V, ValueKind::Version};
    }
    return {};
  }

  /// A value written in an attribute (a property's Value): a constant, or
  /// the formatted value of one OS property (`[WindowsBuild]`).
  Value written(const Attr &A, bool Burn, std::string &Key) {
    std::string V = decodeEntities(Src, A.B, A.E);
    Key = V;
    llvm::StringRef S(V);
    if (S.size() > 2 && S.front() == '[' && S.back() == ']') {
      Value P = osProperty(S.drop_front().drop_back(), Burn);
      if (P.E)
        return P;
      return {unknown(), ValueKind::Unknown};
    }
    if (S.contains('[') || S.contains("$(") || S.contains("!("))
      return {unknown(), ValueKind::Unknown};
    Spelling W = Sp.spell(A.B, A.E);
    if (auto I = msiInteger(S))
      return {intConst(*I, W), ValueKind::Int};
    return {strConst(V, W), ValueKind::Str};
  }

  void settings(script::Node Element) {
    script::Node Tag = tagOf(Element);
    llvm::StringRef Local = localName(nameOf(Tag));
    std::vector<Attr> As = attributesOf(Tag);
    std::string Key;
    if (Local == "Property" || Local == "SetProperty") {
      const Attr *Id = attr(As, "Id");
      if (!Id)
        return;
      std::string Name = attrText(Id);
      if (const Attr *V = attr(As, "Value")) {
        Value X = written(*V, false, Key);
        set(Props, Name, X, Key);
      }
      // A search under the property sets it too.
      script::walk(Element, [&](script::Node K) {
        if (script::type(K) != "element" ||
            script::startByte(K) == script::startByte(Element))
          return true;
        script::Node KT = tagOf(K);
        if (localName(nameOf(KT)) == "RegistrySearch") {
          auto KA = attributesOf(KT);
          Value R = registry(KA, attr(KA, "Name"), false);
          set(Props, Name, R, "registry:" + attrText(attr(KA, "Name")));
        } else if (localName(nameOf(KT)).ends_with("Search")) {
          set(Props, Name, {unknown(), ValueKind::Unknown}, "search");
        }
        return true;
      });
      return;
    }
    if (Local == "CustomAction") {
      if (const Attr *P = attr(As, "Property"))
        set(Props, attrText(P), {unknown(), ValueKind::Unknown}, "custom");
      return;
    }
    if (Local == "Variable") { // Burn
      const Attr *N = attr(As, "Name"), *V = attr(As, "Value");
      if (N && V) {
        Value X = written(*V, true, Key);
        std::string Type = attrText(attr(As, "Type"));
        if (X.E && X.E->Kind == Op::IntConst && Type == "string")
          X = {strConst(Key, X.E->Written), ValueKind::Str};
        if (Type == "version" && X.E && X.E->isConst())
          X = {unknown(), ValueKind::Unknown};
        set(BurnVars, attrText(N), X, Key);
      }
      return;
    }
    if (Local == "RegistrySearch" || Local.ends_with("Search")) {
      // util:RegistrySearch Variable="X" (Burn)
      if (const Attr *Var = attr(As, "Variable")) {
        Value R = Local == "RegistrySearch"
                      ? registry(As, attr(As, "Value"), true)
                      : Value{unknown(), ValueKind::Unknown};
        set(BurnVars, attrText(Var), R,
            "search:" + attrText(attr(As, "Value")));
      }
    }
  }

  /// A RegistrySearch of HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion:
  /// Windows Installer's raw reading of a REG_SZ is its text, of a DWORD
  /// `#` and its digits; Burn's a string or a number.
  Value registry(const std::vector<Attr> &As, const Attr *ValueName,
                 bool Burn) {
    std::string Key = llvm::StringRef(attrText(attr(As, "Key"))).lower();
    std::string Root = attrText(attr(As, "Root"));
    if (!ValueName || Root != "HKLM" ||
        !llvm::StringRef(Key).ends_with("windows nt\\currentversion"))
      return {unknown(), ValueKind::Unknown};
    const SourceEntry *E = builtinSources().registryValue(attrText(ValueName));
    if (!E)
      return {unknown(), ValueKind::Unknown};
    std::string Prov = "registry CurrentVersion\\" + E->Name;
    ExprPtr Q = quantity(E->Q, Prov);
    if (isStringQuantity(E->Q))
      return {Q, ValueKind::Str};
    if (E->AsString) // REG_SZ holding the number
      return {Q, Burn ? ValueKind::Str : ValueKind::Int};
    if (Burn)
      return {Q, ValueKind::Int};
    return {nary(Op::Concat, {strConst("#"), unary(Op::ToStr, Q)}),
            ValueKind::Str};
  }

  // --- the second walk ---
  bool inBurn(script::Node Element) {
    for (script::Node N = Element; !script::isNull(N); N = script::parent(N))
      if (script::type(N) == "element" &&
          isBurnContainer(localName(nameOf(tagOf(N)))))
        return true;
    return false;
  }

  ConditionEnv env(bool Burn, Dialect D) {
    ConditionEnv E;
    E.Lang = Burn ? ConditionLanguage::Burn : ConditionLanguage::Msi;
    E.Syntax = D;
    E.Property = [this, Burn](llvm::StringRef Name) -> Value {
      auto &M = Burn ? BurnVars : Props;
      auto It = M.find(Name);
      if (It != M.end())
        return It->second.Conflict ? Value{unknown(), ValueKind::Unknown}
                                   : It->second.V;
      if (Value V = osProperty(Name, Burn); V.E)
        return V;
      // Burn does not set Windows Installer's properties (WindowsBuild is
      // an unset variable in a bundle), whatever their names say.
      if (Name == "Installed" || Name == "REMOVE" || Name == "Privileged" ||
          (Burn && builtinSources().installerProperty(Name, false)))
        return {unknown(), ValueKind::Unknown};
      if (auto Q = quantityNamed(Name))
        return {quantity(*Q,
                         (Burn ? "Burn variable " : "property ") + Name.str() +
                             " (by its name)",
                         /*Inferred=*/true),
                isStringQuantity(*Q) ? ValueKind::Str : ValueKind::Int};
      // Undefined or set at run time: its text is not known.
      return {unknown(), ValueKind::Unknown};
    };
    E.Define = [this](llvm::StringRef Name,
                      const Spelling &Use) -> std::optional<Value> {
      auto It = Defines.find(Name);
      if (It == Defines.end() || It->second.Conflict)
        return std::nullopt;
      const Define &D = It->second;
      llvm::StringRef V(D.Value);
      Spelling At = D.Local ? Sp.spell(D.B, D.E) : Spelling();
      if (auto I = msiInteger(V.trim()))
        return Value{respelled(*intConst(*I, At), Use), ValueKind::Int};
      return std::nullopt; // a text or a condition: not followed
    };
    return E;
  }

  void conditionsOf(script::Node Element, std::vector<Guard> &Guards) {
    script::Node Tag = tagOf(Element);
    llvm::StringRef Name = nameOf(Tag), Local = localName(Name);
    std::vector<Attr> As = attributesOf(Tag);
    bool Burn = inBurn(Element) || Name.starts_with("bal:");
    std::string Where = Local.str();
    if (const Attr *Id = attr(As, "Id"))
      Where += " " + attrText(Id);
    for (const Attr &A : As) {
      if (!A.Name.ends_with("Condition"))
        continue;
      bool BurnAttr =
          Burn || A.Name == "InstallCondition" || A.Name == "DetectCondition" ||
          A.Name == "RepairCondition" || A.Name == "UninstallCondition";
      condition({A.B, A.E, true}, BurnAttr, Dialect::Wix, Where, Guards);
    }
    // Element text: Condition (launch, component, feature), Custom,
    // Publish, bal:Condition.
    if (Local != "Condition" && Local != "Custom" && Local != "Publish")
      return;
    for (script::Node K : script::namedChildren(Element)) {
      if (script::type(K) != "content")
        continue;
      auto Parts = script::namedChildren(K);
      script::Node CD{};
      bool Plain = true;
      for (script::Node P : Parts) {
        llvm::StringRef T = script::type(P);
        if (T == "CDSect")
          CD = P;
        else if (T != "CharData" && T != "EntityRef" && T != "CharRef")
          Plain = false;
      }
      if (!script::isNull(CD)) {
        for (script::Node X : script::namedChildren(CD))
          if (script::type(X) == "CData")
            condition({script::startByte(X), script::endByte(X), false}, Burn,
                      Dialect::WixCData, Where, Guards);
      } else if (Plain && !Parts.empty()) {
        condition({script::startByte(K), script::endByte(K), true}, Burn,
                  Dialect::Wix, Where, Guards);
      }
    }
  }

  void condition(ConditionText T, bool Burn, Dialect D,
                 const std::string &Where, std::vector<Guard> &Guards) {
    llvm::StringRef Raw = Src.slice(T.Begin, T.End);
    if (Raw.trim().empty())
      return;
    Lowered L = lowerCondition(Src, T, Sp, env(Burn, D));
    if (!L.Cond) {
      note(L.ErrorAt, std::string("cannot read this ") +
                          (Burn ? "Burn" : "Windows Installer") +
                          " condition (" + L.Error + "); it is skipped");
      return;
    }
    if (!dependsOnVersion(*L.Cond))
      return;
    // The condition's own text, without the blanks around it.
    size_t Lead = Raw.size() - Raw.ltrim().size();
    uint32_t B = T.Begin + uint32_t(Lead),
             E = T.Begin + uint32_t(Raw.rtrim().size());
    Guard G;
    G.Kind = GuardKind::Condition;
    G.Cond = L.Cond;
    G.Syntax = D;
    G.Where = Sp.span(B, E);
    G.Function = Where;
    G.Text = script::normalizeSpace(Src.slice(B, E));
    Guards.push_back(std::move(G));
  }
};

} // namespace

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const FrontendOptions &Opts, std::vector<Guard> &Guards,
               std::vector<Diagnostic> &Diags, std::vector<std::string> *Deps) {
  if (llvm::StringRef(Text.Utf8).trim().empty())
    return;
  llvm::StringSet<> Seen;
  Seen.insert(Path);
  Reader R(Path, Text, Opts, Diags, Deps, Seen, 0);
  std::string Xml = R.withoutInstructions();
  script::ParsedFile P = script::parseNoting(tree_sitter_xml(), Path, Text,
                                             Opts.TimeoutMs, Diags, Xml);
  if (!P.Tree)
    return;
  R.learn(P.root());
  R.lower(P.root(), Guards);
}

} // namespace verguard::wix
