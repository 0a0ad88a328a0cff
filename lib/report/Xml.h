//===- Xml.h - well-formed XML text from any bytes --------------*- C++ -*-===//
#ifndef VERGUARD_REPORT_XML_H
#define VERGUARD_REPORT_XML_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace verguard::report {

/// S as XML 1.0 character data (Attribute: inside a double- or single-quoted
/// attribute value). Whatever S holds (file names are bytes), the result is
/// well-formed: invalid UTF-8, control characters XML cannot carry and
/// U+FFFE/U+FFFF become U+FFFD; markup characters become entities; in an
/// attribute, tab and line breaks become character references so that a
/// parser keeps them.
std::string xmlEscape(llvm::StringRef S, bool Attribute);

/// The XML declaration every XML report starts with.
inline constexpr const char *XmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

} // namespace verguard::report

#endif
