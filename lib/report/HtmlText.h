//===- HtmlText.h - any bytes as HTML text ----------------------*- C++ -*-===//
//
// The HTML report shows user code and file names, which may hold any bytes.
// Every such string goes through escapeHtml: the result is text in HTML and
// in XML (the report is also well-formed XHTML), whatever the input, and
// shows what is hard to see.
//
//===----------------------------------------------------------------------===//
#ifndef VERGUARD_REPORT_HTMLTEXT_H
#define VERGUARD_REPORT_HTMLTEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace verguard::report {

enum class HtmlContext : uint8_t {
  Text,     // element content (code, prose): invisible characters shown in a
            // marked span; tabs and line feeds kept
  Name,     // element content that is one name (a file, a function): tabs
            // and line feeds shown too
  Attribute // a quoted attribute value (or <title>, <option>): invisible
            // characters shown without markup; tabs and line feeds exact
};

/// Writes Text escaped: `&<>` as references (`"'` too in an attribute,
/// and tab and line feed, which an attribute would not keep); bytes that
/// are not UTF-8 as U+FFFD (as the JSON report does); control characters
/// (C0, DEL) as their Unicode control pictures (ESC as U+241B), C1 controls,
/// bidirectional controls and noncharacters as `<U+202E>`, so that nothing
/// in a name or a line can be invisible or reorder the page.
void escapeHtml(llvm::raw_ostream &OS, llvm::StringRef Text,
                HtmlContext Ctx = HtmlContext::Text);
std::string escapeHtml(llvm::StringRef Text,
                       HtmlContext Ctx = HtmlContext::Text);

} // namespace verguard::report

#endif
