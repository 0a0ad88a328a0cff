//===- Xml.cpp ------------------------------------------------------------===//
#include "report/Xml.h"

#include "llvm/Support/JSON.h"

namespace verguard::report {

std::string xmlEscape(llvm::StringRef S, bool Attribute) {
  // fixUTF8 replaces invalid sequences (and UTF-8-encoded surrogates) with
  // U+FFFD; what is left to check is per character.
  std::string Valid = llvm::json::fixUTF8(S);
  const char *Replacement = "\xEF\xBF\xBD";
  std::string Out;
  Out.reserve(Valid.size());
  for (size_t I = 0; I < Valid.size(); ++I) {
    unsigned char C = Valid[I];
    switch (C) {
    case '&':
      Out += "&amp;";
      continue;
    case '<':
      Out += "&lt;";
      continue;
    case '>':
      Out += "&gt;";
      continue;
    case '"':
      Out += Attribute ? "&quot;" : "\"";
      continue;
    case '\'':
      Out += Attribute ? "&apos;" : "'";
      continue;
    case '\t':
      Out += Attribute ? "&#9;" : "\t";
      continue;
    case '\n':
      Out += Attribute ? "&#10;" : "\n";
      continue;
    case '\r':
      // A parser turns a literal CR (or CR LF) into LF: keep it as it is.
      Out += "&#13;";
      continue;
    default:
      break;
    }
    if (C < 0x20) {
      Out += Replacement; // not allowed in XML 1.0, not even as a reference
      continue;
    }
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
    if (C == 0xEF && I + 2 < Valid.size() &&
        (unsigned char)Valid[I + 1] == 0xBF &&
        ((unsigned char)Valid[I + 2] == 0xBE ||
         (unsigned char)Valid[I + 2] == 0xBF)) {
      Out += Replacement;
      I += 2;
      continue;
    }
    Out += char(C);
  }
  return Out;
}

} // namespace verguard::report
