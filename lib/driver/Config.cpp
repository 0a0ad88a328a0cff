//===- Config.cpp ---------------------------------------------------------===//
#include "driver/Config.h"

#include "rules/Rule.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace verguard::driver {

namespace {

namespace yaml = llvm::yaml;

/// Parses with llvm::yaml's node API so that every error names the line.
class Parser {
public:
  Parser(llvm::StringRef Path, llvm::SourceMgr &SM) : Path(Path), SM(SM) {}

  /// Where a node starts (0:0 if unknown).
  Config::Origin origin(yaml::Node *N) {
    Config::Origin O;
    // A node of a stream the scanner gave up on may have no location.
    if (N && SM.FindBufferContainingLoc(N->getSourceRange().Start)) {
      auto LC = SM.getLineAndColumn(N->getSourceRange().Start);
      O.Line = LC.first;
      O.Col = LC.second;
    }
    return O;
  }

  llvm::Error error(yaml::Node *N, const llvm::Twine &Msg) {
    Config::Origin O = origin(N);
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s:%u:%u: %s", Path.str().c_str(), O.Line,
                                   O.Col, Msg.str().c_str());
  }

  /// A list of .gitignore-style patterns, each with its position.
  llvm::Expected<GlobList> globs(yaml::Node *N, llvm::StringRef Key) {
    auto *Seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(N);
    if (!Seq)
      return error(N, "'" + Key + "' must be a list");
    std::vector<GlobRule> Rules;
    for (yaml::Node &Item : *Seq) {
      auto S = scalar(&Item, Key);
      if (!S)
        return S.takeError();
      auto R = parseGlobRule(*S, /*AllowComment=*/false);
      if (!R)
        return error(&Item, "'" + Key + "': '" + *S + "' is not a pattern");
      Config::Origin O = origin(&Item);
      R->Text = *S;
      R->Line = O.Line;
      R->Col = O.Col;
      Rules.push_back(std::move(*R));
    }
    return GlobList(std::move(Rules), /*TrackUse=*/true);
  }

  llvm::Expected<std::string> scalar(yaml::Node *N, llvm::StringRef Key) {
    auto *S = llvm::dyn_cast_or_null<yaml::ScalarNode>(N);
    if (!S)
      return error(N, "'" + Key + "' must be a string");
    llvm::SmallString<64> Storage;
    return S->getValue(Storage).str();
  }

  llvm::Expected<std::vector<std::string>> list(yaml::Node *N,
                                                llvm::StringRef Key) {
    std::vector<std::string> Out;
    auto *Seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(N);
    if (!Seq)
      return error(N, "'" + Key + "' must be a list");
    for (yaml::Node &Item : *Seq) {
      auto S = scalar(&Item, Key);
      if (!S)
        return S.takeError();
      Out.push_back(*S);
    }
    return Out;
  }

  llvm::Expected<std::string> ruleId(yaml::Node *N, llvm::StringRef Key) {
    auto S = scalar(N, Key);
    if (!S)
      return S.takeError();
    if (!rules::isKnownRuleId(*S))
      return error(N, "'" + Key + "': unknown rule '" + *S + "'");
    return llvm::StringRef(*S).upper();
  }

  llvm::Error rulesSection(yaml::Node *N, Config &C) {
    auto *M = llvm::dyn_cast_or_null<yaml::MappingNode>(N);
    if (!M)
      return error(N, "'rules' must be a mapping");
    for (yaml::KeyValueNode &KV : *M) {
      auto K = scalar(KV.getKey(), "rules");
      if (!K)
        return K.takeError();
      if (*K == "disable") {
        auto *Seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(KV.getValue());
        if (!Seq)
          return error(KV.getValue(), "'rules.disable' must be a list");
        for (yaml::Node &Item : *Seq) {
          auto Id = ruleId(&Item, "rules.disable");
          if (!Id)
            return Id.takeError();
          C.Disable.push_back(*Id);
          C.Where["rules.disable." + *Id] = origin(&Item);
        }
      } else if (*K == "severity") {
        auto *SM = llvm::dyn_cast_or_null<yaml::MappingNode>(KV.getValue());
        if (!SM)
          return error(KV.getValue(), "'rules.severity' must be a mapping");
        for (yaml::KeyValueNode &S : *SM) {
          auto Id = ruleId(S.getKey(), "rules.severity");
          if (!Id)
            return Id.takeError();
          auto V = scalar(S.getValue(), "rules.severity");
          if (!V)
            return V.takeError();
          core::Severity Level;
          if (*V == "error")
            Level = core::Severity::Error;
          else if (*V == "warning")
            Level = core::Severity::Warning;
          else if (*V == "note")
            Level = core::Severity::Note;
          else
            return error(S.getValue(), "'rules.severity." + *Id +
                                           "': expected error, warning or "
                                           "note, not '" +
                                           *V + "'");
          C.Severity[*Id] = Level;
          C.Where["rules.severity." + *Id] = origin(S.getValue());
        }
      } else {
        return error(KV.getKey(), "unknown key 'rules." + *K + "'");
      }
    }
    return llvm::Error::success();
  }

  llvm::Error sources(yaml::Node *N, Config &C) {
    auto *Seq = llvm::dyn_cast_or_null<yaml::SequenceNode>(N);
    if (!Seq)
      return error(N, "'sources' must be a list");
    for (yaml::Node &Item : *Seq) {
      auto *M = llvm::dyn_cast<yaml::MappingNode>(&Item);
      if (!M)
        return error(&Item, "each of 'sources' must be a mapping with name "
                            "and quantity");
      core::UserSource S;
      bool HasQ = false;
      for (yaml::KeyValueNode &KV : *M) {
        auto K = scalar(KV.getKey(), "sources");
        if (!K)
          return K.takeError();
        auto V = scalar(KV.getValue(), "sources." + *K);
        if (!V)
          return V.takeError();
        if (*K == "name") {
          S.Name = *V;
        } else if (*K == "quantity") {
          auto Q = core::quantityFromName(*V);
          if (!Q)
            return error(KV.getValue(),
                         "'sources.quantity': unknown quantity '" + *V +
                             "' (build, major, minor, revision, version, "
                             "versionString, fileVersion, ...)");
          S.Q = *Q;
          HasQ = true;
        } else if (*K == "language") {
          if (*V != "cpp" && *V != "powershell" && *V != "vbscript" &&
              *V != "python" && *V != "jscript" && *V != "csharp")
            return error(
                KV.getValue(),
                "'sources.language': expected cpp, "
                "powershell, vbscript, python, jscript or csharp, not '" +
                    *V + "'");
          S.Language = *V;
        } else {
          return error(KV.getKey(), "unknown key 'sources." + *K + "'");
        }
      }
      if (S.Name.empty() || !HasQ)
        return error(&Item, "a source needs 'name' and 'quantity'");
      C.Where["sources." + std::to_string(C.Sources.size())] = origin(&Item);
      C.Sources.push_back(S);
    }
    return llvm::Error::success();
  }

  llvm::Expected<Config> parse(llvm::StringRef Text) {
    Config C;
    C.Path = Path.str();
    C.Dir = llvm::sys::path::parent_path(Path).str();
    yaml::Stream S(Text, SM);
    auto It = S.begin();
    if (It == S.end() || !It->getRoot() ||
        llvm::isa<yaml::NullNode>(It->getRoot()))
      return C; // an empty file
    auto *Root = llvm::dyn_cast<yaml::MappingNode>(It->getRoot());
    if (!Root)
      return error(It->getRoot(), "the configuration must be a mapping");
    for (yaml::KeyValueNode &KV : *Root) {
      auto K = scalar(KV.getKey(), "key");
      if (!K)
        return K.takeError();
      yaml::Node *V = KV.getValue();
      if (*K == "rules") {
        if (auto E = rulesSection(V, C))
          return std::move(E);
      } else if (*K == "include" || *K == "exclude") {
        auto L = globs(V, *K);
        if (!L)
          return L.takeError();
        (*K == "include" ? C.Include : C.Exclude) = std::move(*L);
      } else if (*K == "extra-args" || *K == "bumps") {
        C.Where[*K] = origin(V);
        auto L = list(V, *K);
        if (!L)
          return L.takeError();
        if (*K == "extra-args")
          C.ExtraArgs = *L;
        else {
          for (const std::string &B : *L)
            if (!rules::defaultCheckConfig().Profiles->findBump(B))
              return error(V, "'bumps': unknown bump '" + B +
                                  "' (see rules/profiles.yaml)");
          C.Bumps = *L;
        }
      } else if (*K == "compile-database") {
        auto D = scalar(V, *K);
        if (!D)
          return D.takeError();
        llvm::SmallString<256> P(*D);
        if (!llvm::sys::path::is_absolute(P)) {
          P = C.Dir;
          llvm::sys::path::append(P, *D);
        }
        C.CompileDatabase = P.str().str();
        C.Where[*K] = origin(V);
      } else if (*K == "sources") {
        if (auto E = sources(V, C))
          return std::move(E);
      } else {
        return error(KV.getKey(), "unknown key '" + *K + "'");
      }
    }
    if (SM.getNumBuffers() && S.failed())
      return error(nullptr, "invalid YAML");
    return C;
  }

private:
  llvm::StringRef Path;
  llvm::SourceMgr &SM;
};

} // namespace

llvm::StringRef Config::relative(llvm::StringRef File) const {
  llvm::StringRef Rel = File;
  if (!Dir.empty() && Rel.starts_with(Dir) &&
      (Rel.size() == Dir.size() || Rel[Dir.size()] == '/'))
    Rel = Rel.drop_front(Dir.size());
  return Rel.ltrim('/');
}

bool Config::selects(llvm::StringRef File) const {
  llvm::StringRef Rel = relative(File);
  if (!Include.empty() && Include.decide(Rel) != true)
    return false;
  return Exclude.decide(Rel) != true;
}

llvm::Error Config::apply(rules::CheckConfig &Check,
                          core::FrontendOptions &Frontend) const {
  for (const std::string &R : Disable)
    Check.DisabledRules.insert(R);
  for (const auto &[R, S] : Severity)
    Check.SeverityOverrides.emplace(R, S); // the command line wins
  if (Bumps) {
    // The config names the bumps; the command line's --bump adds to them.
    std::vector<const core::Bump *> Chosen;
    for (const std::string &B : *Bumps)
      Chosen.push_back(Check.Profiles->findBump(B));
    for (const core::Bump *B : Check.Bumps)
      if (!B->Enabled &&
          std::find(Chosen.begin(), Chosen.end(), B) == Chosen.end())
        Chosen.push_back(B);
    Check.Bumps = Chosen;
  }
  if (Frontend.CompileDbDir.empty())
    Frontend.CompileDbDir = CompileDatabase;
  Frontend.ExtraArgs.insert(Frontend.ExtraArgs.begin(), ExtraArgs.begin(),
                            ExtraArgs.end());
  Frontend.Sources.insert(Frontend.Sources.end(), Sources.begin(),
                          Sources.end());
  return llvm::Error::success();
}

llvm::Expected<Config> parseConfig(llvm::StringRef Yaml, llvm::StringRef Path) {
  llvm::SourceMgr SM;
  std::string Diag;
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        auto &Out = *static_cast<std::string *>(Ctx);
        if (Out.empty())
          Out = std::to_string(D.getLineNo()) + ":" +
                std::to_string(D.getColumnNo() + 1) + ": " +
                D.getMessage().str();
      },
      &Diag);
  Parser P(Path, SM);
  auto C = P.parse(Yaml);
  if (!Diag.empty()) {
    if (!C)
      llvm::consumeError(C.takeError());
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s:%s",
                                   Path.str().c_str(), Diag.c_str());
  }
  return C;
}

llvm::Expected<Config> loadConfig(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(Buf.getError(), "%s: cannot read: %s",
                                   Path.str().c_str(),
                                   Buf.getError().message().c_str());
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  auto C = parseConfig((*Buf)->getBuffer(), Abs);
  if (!C)
    return C.takeError();
  // A compile database that is not there would silently fall back to
  // standalone flags: an error, like a bad key.
  if (!C->CompileDatabase.empty() &&
      !llvm::sys::fs::exists(C->CompileDatabase + "/compile_commands.json")) {
    Config::Origin O = C->Where["compile-database"];
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "%s:%u:%u: 'compile-database': no compile_commands.json in %s",
        C->Path.c_str(), O.Line, O.Col, C->CompileDatabase.c_str());
  }
  return C;
}

llvm::Expected<std::shared_ptr<const Config>>
ConfigFinder::forFile(llvm::StringRef File, Recent *Last) {
  if (Forced)
    return Forced;
  llvm::StringRef FileDir = llvm::sys::path::parent_path(File);
  if (Last && Last->Valid && Last->Dir == FileDir)
    return Last->Found;
  std::lock_guard<std::mutex> G(Lock);
  llvm::SmallString<256> Dir(FileDir);
  std::vector<std::string> Visited;
  std::shared_ptr<const Config> Found;
  auto Fail = [&](const std::string &Candidate, std::string Msg) {
    Errors[Candidate] = Msg;
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                   Msg.c_str());
  };
  while (!Dir.empty()) {
    auto It = ByDir.find(Dir);
    if (It != ByDir.end()) {
      Found = It->second;
      break;
    }
    Visited.push_back(Dir.str().str());
    std::string Yaml = (Dir + "/.verguard.yaml").str();
    std::string Yml = (Dir + "/.verguard.yml").str();
    auto Seen = Listed.find(Dir);
    bool Walked = Seen != Listed.end();
    bool HasYaml = Walked ? Seen->second.Yaml : llvm::sys::fs::exists(Yaml);
    bool HasYml = Walked ? Seen->second.Yml : llvm::sys::fs::exists(Yml);
    if (HasYaml || HasYml) {
      std::string Candidate = HasYaml ? Yaml : Yml;
      auto E = Errors.find(Candidate);
      if (E != Errors.end())
        return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s",
                                       E->second.c_str());
      if (HasYaml && HasYml)
        return Fail(Candidate, Candidate + ":1:1: both .verguard.yaml and "
                                           ".verguard.yml in this directory; "
                                           "remove one");
      auto C = loadConfig(Candidate);
      if (!C)
        return Fail(Candidate, llvm::toString(C.takeError()));
      Found = std::make_shared<const Config>(std::move(*C));
      All.push_back(Found);
      break;
    }
    // The search stops at the top of the repository (`.git`, a directory
    // or, in a worktree or submodule, a file), as git's own lookups do.
    if (Walked ? Seen->second.Git : llvm::sys::fs::exists(Dir + "/.git"))
      break;
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (Parent == Dir)
      break;
    Dir = Parent;
  }
  for (const std::string &V : Visited)
    ByDir[V] = Found;
  if (Last) {
    Last->Dir = FileDir.str();
    Last->Found = Found;
    Last->Valid = true;
  }
  return Found;
}

void ConfigFinder::listed(llvm::StringRef Dir, DirectoryMarks Marks) {
  if (Forced)
    return;
  std::lock_guard<std::mutex> G(Lock);
  Listed[Dir] = Marks;
}

std::vector<std::shared_ptr<const Config>> ConfigFinder::loaded() {
  if (Forced)
    return {Forced};
  std::lock_guard<std::mutex> G(Lock);
  return All;
}

} // namespace verguard::driver
