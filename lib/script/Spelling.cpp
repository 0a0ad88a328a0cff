//===- Spelling.cpp -------------------------------------------------------===//
#include "script/Spelling.h"

#include "core/FileMemo.h"
#include "core/Flow.h"

#include "llvm/Support/FileSystem.h"

#include <set>

namespace verguard::script {

core::Spelling Speller::spell(uint32_t B, uint32_t E) const {
  core::Spelling S;
  llvm::StringRef Src = Text.Utf8;
  if (E < B || E > Src.size())
    return S;
  S.Span = span(B, E);
  S.Text = Src.slice(B, E).str();
  return S;
}

core::ExprPtr Speller::spelledAt(const core::ExprPtr &E, Node N) const {
  // A constant used by name (`SP2_BUILD`) is written where it is used.
  return core::writtenAt(E, spell(N));
}

std::string Speller::indentAt(uint32_t B) const {
  auto [Line, Col] = Text.lineCol(B);
  return Text.line(Line)
      .take_while([](char Ch) { return Ch == ' ' || Ch == '\t'; })
      .str();
}

std::string normalizeSpace(llvm::StringRef S, llvm::StringRef Extra) {
  std::string R;
  bool Space = false;
  for (char C : S) {
    if (C == ' ' || C == '\t' || C == '\r' || C == '\n' || Extra.contains(C)) {
      Space = true;
      continue;
    }
    if (Space && !R.empty())
      R += ' ';
    Space = false;
    R += C;
  }
  return R;
}

void noteParseTrouble(std::vector<core::Diagnostic> &Diags,
                      llvm::StringRef Path, const DecodedText &Text,
                      const ParseTrouble *Trouble) {
  core::Diagnostic D;
  D.Level = core::Severity::Note;
  if (!Trouble) {
    D.Where = Text.span(Path, 0, 0);
    D.Message = "could not parse the file (time limit or grammar version); "
                "skipped";
    Diags.push_back(std::move(D));
    return;
  }
  unsigned Errors = Trouble->Errors;
  if (!Errors)
    return;
  Diags.push_back(noteAt(Path, Text, Trouble->FirstByte,
                         "parse error (" + std::to_string(Errors) +
                             " unparsed region" + (Errors == 1 ? "" : "s") +
                             "); the rest of the file is still analyzed"));
}

core::Diagnostic noteAt(llvm::StringRef Path, const DecodedText &Text,
                        uint32_t Offset, const std::string &Message) {
  core::Diagnostic D;
  D.Level = core::Severity::Note;
  D.Where = Text.span(Path, Offset, Offset);
  D.Message = Message;
  return D;
}

ParsedFile parseNoting(const TSLanguage *Language, llvm::StringRef Path,
                       const DecodedText &Text, uint64_t TimeoutMs,
                       std::vector<core::Diagnostic> &Diags,
                       std::optional<llvm::StringRef> Source) {
  ParsedFile P;
  P.Tree = parse(Language, Source ? *Source : llvm::StringRef(Text.Utf8), {},
                 TimeoutMs * 1000);
  if (!P.Tree) {
    noteParseTrouble(Diags, Path, Text, nullptr);
    return P;
  }
  P.Flat = std::make_unique<FlatTree>(ts_tree_root_node(P.Tree.get()));
  ParseTrouble Trouble = parseTrouble(P.Flat->root());
  noteParseTrouble(Diags, Path, Text, &Trouble);
  return P;
}

std::unique_ptr<llvm::MemoryBuffer> readProjectFile(const std::string &Path,
                                                    uint64_t MaxBytes) {
  uint64_t Size = 0;
  if (llvm::sys::fs::file_size(Path, Size) || Size > MaxBytes)
    return nullptr;
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  return Buf ? std::move(*Buf) : nullptr;
}

namespace {
/// A project file as importsHold() found it.
struct ImportScan {
  bool Holds = false; // false too for a file that cannot be read
  ImportedFiles Next;
};
} // namespace

bool importsHold(llvm::StringRef Path, llvm::StringRef Text, size_t MaxDepth,
                 uint64_t MaxBytes, llvm::StringRef MemoKey, ImportsFn Imports,
                 llvm::function_ref<bool(llvm::StringRef)> Holds,
                 std::vector<std::string> *Deps) {
  static core::RunMemo<ImportScan> Memo;
  ImportedFiles Todo = Imports(Path.str(), Text);
  std::set<std::string> Seen{Path.str()};
  for (size_t Depth = 0; Depth < MaxDepth; ++Depth) {
    if (Deps)
      Deps->insert(Deps->end(), Todo.Absent.begin(), Todo.Absent.end());
    ImportedFiles Next;
    for (const std::string &File : Todo.Files) {
      if (!Seen.insert(File).second)
        continue;
      if (Deps)
        Deps->push_back(File);
      auto Scan = Memo.get((MemoKey + "\n" + File).str(), [&] {
        auto S = std::make_shared<ImportScan>();
        if (auto Buf = readProjectFile(File, MaxBytes)) {
          S->Holds = Holds(Buf->getBuffer());
          if (!S->Holds)
            S->Next = Imports(File, Buf->getBuffer());
        }
        return S;
      });
      if (Scan->Holds)
        return true;
      const ImportedFiles &N = Scan->Next;
      Next.Files.insert(Next.Files.end(), N.Files.begin(), N.Files.end());
      Next.Absent.insert(Next.Absent.end(), N.Absent.begin(), N.Absent.end());
    }
    if (Next.Files.empty() && Next.Absent.empty())
      break;
    Todo = std::move(Next);
  }
  return false;
}

std::unique_ptr<QuietFile>
parseQuietly(const TSLanguage *Language, llvm::StringRef Bytes,
             llvm::StringRef Path, uint64_t TimeoutMs,
             std::optional<std::string> (*Prepare)(llvm::StringRef)) {
  auto Text = decodeText(Bytes, Path);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return nullptr;
  }
  auto Q = std::make_unique<QuietFile>();
  Q->Text = std::move(*Text);
  std::optional<std::string> Prepared =
      Prepare ? Prepare(Q->Text.Utf8) : std::nullopt;
  Q->Parsed.Tree = parse(Language, Prepared ? *Prepared : Q->Text.Utf8, {},
                         TimeoutMs * 1000);
  if (!Q->Parsed.Tree)
    return nullptr;
  Q->Parsed.Flat =
      std::make_unique<FlatTree>(ts_tree_root_node(Q->Parsed.Tree.get()));
  return Q;
}

std::unique_ptr<QuietFile> parseProjectFile(const TSLanguage *Language,
                                            const std::string &Path,
                                            uint64_t MaxBytes,
                                            uint64_t TimeoutMs) {
  auto Buf = readProjectFile(Path, MaxBytes);
  if (!Buf)
    return nullptr;
  return parseQuietly(Language, Buf->getBuffer(), Path, TimeoutMs);
}

void noteAt(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
            const DecodedText &Text, uint32_t At, const std::string &Msg) {
  Diags.push_back(noteAt(Path, Text, At, Msg));
}

void addArmTest(core::Guard &G, std::map<std::string, size_t> &ByOutcome,
                const std::string &Outcome, core::Arm A, core::ExprPtr Test) {
  if (G.Kind == core::GuardKind::Table) {
    // A table's entries stay apart (a finding and its fix are about one
    // entry); those with one value share its id.
    auto [It, New] = ByOutcome.try_emplace(Outcome, ByOutcome.size());
    A.ValueId = int64_t(It->second);
    A.Tests.push_back(std::move(Test));
    G.Arms.push_back(std::move(A));
    return;
  }
  auto Same = ByOutcome.find(Outcome);
  if (Same != ByOutcome.end()) {
    G.Arms[Same->second].Tests.push_back(std::move(Test));
    return;
  }
  A.Tests.push_back(std::move(Test));
  ByOutcome[Outcome] = G.Arms.size();
  G.Arms.push_back(std::move(A));
}

} // namespace verguard::script
