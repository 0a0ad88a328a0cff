//===- XmlTest.cpp --------------------------------------------------------===//
#include "report/Xml.h"

#include <gtest/gtest.h>

using verguard::report::xmlEscape;

TEST(Xml, MarkupCharactersBecomeEntities) {
  EXPECT_EQ(xmlEscape("a&b<c>d\"e'f", true), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
  // Quotes need no escape in character data.
  EXPECT_EQ(xmlEscape("a&b<c>d\"e'f", false), "a&amp;b&lt;c&gt;d\"e'f");
  EXPECT_EQ(xmlEscape("]]>", false), "]]&gt;");
}

TEST(Xml, AttributesKeepTabsAndLineBreaks) {
  EXPECT_EQ(xmlEscape("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(xmlEscape("a\tb\nc\rd", false), "a\tb\nc&#13;d");
}

TEST(Xml, WhatXmlCannotCarryBecomesAReplacementCharacter) {
  const std::string R = "\xEF\xBF\xBD"; // U+FFFD
  // Control characters, even as references, are not XML 1.0.
  EXPECT_EQ(xmlEscape(std::string("a\x01"
                                  "b\x1F"
                                  "c",
                                  5),
                      true),
            "a" + R + "b" + R + "c");
  EXPECT_EQ(xmlEscape(std::string("a\0b", 3), false), "a" + R + "b");
  // Invalid UTF-8 (a file name is bytes), an encoded surrogate, U+FFFE.
  EXPECT_EQ(xmlEscape("x\xFFy", true), "x" + R + "y");
  EXPECT_EQ(xmlEscape("x\xED\xA0\x80y", true).find("\xED"), std::string::npos);
  EXPECT_EQ(xmlEscape("x\xEF\xBF\xBEy", true), "x" + R + "y");
  // Valid text outside ASCII is kept as it is.
  EXPECT_EQ(xmlEscape("Bj\xC3\xB6rk \xE2\x82\xAC", true),
            "Bj\xC3\xB6rk \xE2\x82\xAC");
}
