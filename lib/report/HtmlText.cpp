//===- HtmlText.cpp -------------------------------------------------------===//
#include "report/HtmlText.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/JSON.h"

namespace verguard::report {

namespace {

bool isBidiControl(uint32_t C) {
  return C == 0x061C || C == 0x200E || C == 0x200F ||
         (C >= 0x202A && C <= 0x202E) || (C >= 0x2066 && C <= 0x2069);
}

/// Decodes the code point at Text[I] (valid UTF-8) and advances I.
uint32_t next(llvm::StringRef Text, size_t &I) {
  unsigned char C = Text[I];
  unsigned Len = C < 0x80 ? 1 : C < 0xE0 ? 2 : C < 0xF0 ? 3 : 4;
  uint32_t V = Len == 1 ? C : Len == 2 ? C & 0x1F : Len == 3 ? C & 0x0F : C & 7;
  for (unsigned K = 1; K < Len && I + K < Text.size(); ++K)
    V = (V << 6) | (static_cast<unsigned char>(Text[I + K]) & 0x3F);
  I += Len;
  return V;
}

} // namespace

void escapeHtml(llvm::raw_ostream &OS, llvm::StringRef Text, HtmlContext Ctx) {
  std::string Fixed;
  if (!llvm::json::isUTF8(Text)) {
    Fixed = llvm::json::fixUTF8(Text);
    Text = Fixed;
  }
  bool Attr = Ctx == HtmlContext::Attribute;
  size_t Plain = 0; // start of the run of bytes written as they are
  for (size_t I = 0; I < Text.size();) {
    size_t At = I;
    uint32_t C = next(Text, I);
    const char *Ref = nullptr;
    switch (C) {
    case '&':
      Ref = "&amp;";
      break;
    case '<':
      Ref = "&lt;";
      break;
    case '>':
      Ref = "&gt;";
      break;
    case '"':
      Ref = Attr ? "&quot;" : nullptr;
      break;
    case '\'':
      Ref = Attr ? "&#39;" : nullptr;
      break;
    case '\n': // kept in text, shown in a name, exact in an attribute
      Ref = Attr ? "&#10;" : nullptr;
      break;
    case '\t':
      Ref = Attr ? "&#9;" : nullptr;
      break;
    default:
      break;
    }
    bool Control =
        (C < 0x20 && ((C != '\n' && C != '\t') || Ctx == HtmlContext::Name)) ||
        C == 0x7F;
    bool Shown = (C >= 0x80 && C <= 0x9F) || isBidiControl(C) || C == 0xFFFE ||
                 C == 0xFFFF || (C >= 0xFDD0 && C <= 0xFDEF);
    if (!Ref && !Control && !Shown)
      continue;
    OS << Text.slice(Plain, At);
    Plain = I;
    if (Ref) {
      OS << Ref;
      continue;
    }
    if (!Attr)
      OS << "<span class=\"cc\">";
    if (Control) // U+2400 + C, U+2421 for DEL: three UTF-8 bytes
      OS << "\xE2\x90" << char(0x80 + (C == 0x7F ? 0x21 : C));
    else
      OS << llvm::format("&lt;U+%04X&gt;", C);
    if (!Attr)
      OS << "</span>";
  }
  OS << Text.substr(Plain);
}

std::string escapeHtml(llvm::StringRef Text, HtmlContext Ctx) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  escapeHtml(OS, Text, Ctx);
  return S;
}

} // namespace verguard::report
