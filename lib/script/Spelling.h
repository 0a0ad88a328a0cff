//===- Spelling.h - where a script's nodes are, as a fix sees them -*- C++
//-*-===//
//
// What the script frontends' lowerings share about positions: a node's span
// in the file on disk and its spelling (span and text), a guard's text with
// its blanks made one space, and a table entry's arm grouped with the
// entries that give the same outcome.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_SPELLING_H
#define VERGUARD_SCRIPT_SPELLING_H

#include "core/Expr.h"
#include "core/Guard.h"
#include "script/Text.h"
#include "script/TreeSitter.h"

#include "llvm/Support/MemoryBuffer.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace verguard::script {

class Speller {
public:
  Speller(llvm::StringRef Path, const DecodedText &Text)
      : Path(Path), Text(Text) {}
  core::SourceSpan span(Node N) const { return span(startByte(N), endByte(N)); }
  core::SourceSpan span(uint32_t B, uint32_t E) const {
    return Text.span(Path, B, E);
  }
  core::Spelling spell(Node N) const { return spell(startByte(N), endByte(N)); }
  core::Spelling spell(uint32_t B, uint32_t E) const;
  /// E as written at N (a use of a value: a fix writes it again there); a
  /// constant used by name keeps where its value is defined.
  core::ExprPtr spelledAt(const core::ExprPtr &E, Node N) const;
  /// The blanks that start the line of byte B (a new line's indentation).
  std::string indentAt(uint32_t B) const;

private:
  llvm::StringRef Path;
  const DecodedText &Text;
};

/// S with each run of blanks (spaces, tabs, line breaks, and the characters
/// of Extra) made one space, and none at either end.
std::string normalizeSpace(llvm::StringRef S, llvm::StringRef Extra = "");

/// A note at Offset of Text. Its message does not repeat the place: every
/// report names a diagnostic's file, line and column itself.
core::Diagnostic noteAt(llvm::StringRef Path, const DecodedText &Text,
                        uint32_t Offset, const std::string &Message);

/// A file parsed for lowering: the tree and its flat copy (which refers
/// to the tree, so both live as long as this).
struct ParsedFile {
  TreePtr Tree;
  std::unique_ptr<FlatTree> Flat;
  Node root() const { return Flat ? Flat->root() : Node(); }
};

/// Parses Text with Language within TimeoutMs (0: none) and notes parse
/// trouble in Diags (noteParseTrouble); an empty ParsedFile if it could not
/// be parsed at all. Source, if given, is parsed instead of Text's own text
/// (a copy of the same length, with parts blanked out).
ParsedFile parseNoting(const TSLanguage *Language, llvm::StringRef Path,
                       const DecodedText &Text, uint64_t TimeoutMs,
                       std::vector<core::Diagnostic> &Diags,
                       std::optional<llvm::StringRef> Source = std::nullopt);

/// Another file of the project, read for what it declares or defines (a
/// class's other part, a dot-sourced script): its decoded text, its tree,
/// and where the guards and notes of its lowering go, unreported.
struct QuietFile {
  DecodedText Text;
  ParsedFile Parsed;
  std::vector<core::Guard> NoGuards;
  std::vector<core::Diagnostic> NoDiags;
};
/// The bytes of a project file another one reads (a module it imports, a
/// script it sources, a file declaring a type it names), if it can be read
/// and is at most MaxBytes.
std::unique_ptr<llvm::MemoryBuffer> readProjectFile(const std::string &Path,
                                                    uint64_t MaxBytes);

/// What a project file imports, as the prefilter follows it: the project
/// files its imports name, in order, and where those found nowhere would be
/// (creating one there changes the verdict).
struct ImportedFiles {
  std::vector<std::string> Files, Absent;
};
using ImportsFn =
    llvm::function_ref<ImportedFiles(const std::string &File, llvm::StringRef)>;

/// Whether a project file the script at Path (text Text) imports, or one
/// those import, up to MaxDepth levels (breadth first, each file once, at
/// most MaxBytes), Holds what the prefilter looks for. Imports gives a
/// file's imports. What a file holds and imports is kept for the run under
/// MemoKey (its language's and the settings Holds stands for): a project's
/// scripts import the same few modules. Deps, if given, gets the files
/// looked at and the absent places.
bool importsHold(llvm::StringRef Path, llvm::StringRef Text, size_t MaxDepth,
                 uint64_t MaxBytes, llvm::StringRef MemoKey, ImportsFn Imports,
                 llvm::function_ref<bool(llvm::StringRef)> Holds,
                 std::vector<std::string> *Deps);

/// Bytes (the file Path) decoded and parsed with Language within TimeoutMs
/// (0: none); nothing for a file that cannot be decoded or parsed.
/// Prepare, if given, returns the text the grammar parses in place of the
/// decoded one (the same length; null: the decoded text).
std::unique_ptr<QuietFile>
parseQuietly(const TSLanguage *Language, llvm::StringRef Bytes,
             llvm::StringRef Path, uint64_t TimeoutMs,
             std::optional<std::string> (*Prepare)(llvm::StringRef) = nullptr);
/// readProjectFile() then parseQuietly(): a project file read for what it
/// declares; nothing if it cannot be read, is too large or cannot be parsed.
std::unique_ptr<QuietFile> parseProjectFile(const TSLanguage *Language,
                                            const std::string &Path,
                                            uint64_t MaxBytes,
                                            uint64_t TimeoutMs);

/// The note for a file tree-sitter could not parse at all (Trouble null:
/// a time limit or a grammar version) or parsed with errors (where the
/// first is and how many; the rest of the file is still analyzed); nothing
/// for a clean parse.
void noteParseTrouble(std::vector<core::Diagnostic> &Diags,
                      llvm::StringRef Path, const DecodedText &Text,
                      const ParseTrouble *Trouble);

/// A note about what a scanner could not read at UTF-8 offset At (its
/// place is the diagnostic's, not repeated in the message).
void noteAt(std::vector<core::Diagnostic> &Diags, llvm::StringRef Path,
            const DecodedText &Text, uint32_t At, const std::string &Msg);

/// Named children without comments.
inline NodeList namedKidsNoComments(Node N) {
  return namedChildren(N, [](Node K) { return type(K) == "comment"; });
}

/// Adds Test to the arm of G whose outcome is Outcome (a clause's body), or
/// a new arm A with it: clauses with the same body are one outcome. A
/// table's entries stay arms of their own (a finding and its fix are about
/// one entry), those with the same value (Outcome) sharing a ValueId.
void addArmTest(core::Guard &G, std::map<std::string, size_t> &ByOutcome,
                const std::string &Outcome, core::Arm A, core::ExprPtr Test);

} // namespace verguard::script

#endif
