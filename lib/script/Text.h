//===- Text.h - decoding user files and mapping offsets back ----*- C++ -*-===//
//
// Every frontend analyzes UTF-8. A file on disk may be UTF-8 (with or without
// BOM), UTF-16 LE/BE with BOM, or ANSI (Windows-1252). DecodedText holds the
// UTF-8 text and maps each of its offsets back to the original bytes, so that
// findings and fix edits point into the file as it is on disk.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_SCRIPT_TEXT_H
#define VERGUARD_SCRIPT_TEXT_H

#include "core/SourceRange.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace verguard::script {

enum class Encoding : uint8_t { Utf8, Utf8Bom, Utf16LE, Utf16BE, Windows1252 };
const char *encodingName(Encoding E);

class DecodedText {
public:
  Encoding Enc = Encoding::Utf8;
  std::string Utf8;  // the decoded text
  bool CRLF = false; // the file's dominant line ending is CRLF

  /// Original byte offset of a UTF-8 offset (Offset == size() maps to EOF).
  uint32_t toOriginal(uint32_t Offset) const;
  /// 1-based line and column (columns count code points) of a UTF-8 offset.
  std::pair<uint32_t, uint32_t> lineCol(uint32_t Offset) const;
  /// The span [Begin, End) of the UTF-8 text as a span of the file on disk.
  core::SourceSpan span(llvm::StringRef File, uint32_t Begin,
                        uint32_t End) const;
  /// The text of line N (1-based), without its line ending.
  llvm::StringRef line(uint32_t N) const;

  /// Encodes UTF-8 text (a fix's replacement) in this file's encoding.
  std::string encode(llvm::StringRef Text) const;

  void buildIndex(); // called by decodeText
private:
  friend llvm::Expected<DecodedText> decodeText(llvm::StringRef,
                                                llvm::StringRef);
  uint32_t BomSize = 0;
  std::vector<uint32_t> Map;        // per UTF-8 byte, when not identity
  std::vector<uint32_t> LineStarts; // UTF-8 offsets
  /// Code points that start before each 256-byte block: columns on a very
  /// long line are found without scanning it from its start.
  std::vector<uint32_t> BlockCodePoints;
  bool Ascii = false; // every byte is a code point: columns are byte counts
  uint32_t codePointsBefore(uint32_t Offset) const;
};

/// Decodes a file's bytes. Fails, with a message naming the file, for binary
/// content (NUL bytes in a non-UTF-16 file), or UTF-16 without a BOM.
llvm::Expected<DecodedText> decodeText(llvm::StringRef Bytes,
                                       llvm::StringRef Path);

/// A file's bytes as a byte scan reads them (the prefilter, an index of the
/// names a project declares): as they are, or decoded where they are UTF-16
/// (a BOM, or NUL bytes), into Decoded. Fails as decodeText does.
llvm::Expected<llvm::StringRef>
scanText(llvm::StringRef Bytes, llvm::StringRef Path, std::string &Decoded);

} // namespace verguard::script

#endif
