#!/usr/bin/env python3
"""The HTML report, structurally, for tests/cli/html.sh.

    html-structure.py REPORT.html REPORT.json

The page is well-formed XML (it is written as XHTML that HTML parsers read
the same way), its root is XHTML's <html>, and it holds every finding of the
JSON report of the same run, in the same order, at the same file, line and
column, with the same rule, as <article class="finding"> elements with ids
f0, f1, ... Exits 1 with a message otherwise.
"""
import json
import sys
import xml.etree.ElementTree as ET

XHTML = "{http://www.w3.org/1999/xhtml}"


def shown(s):
    """A string as the report writes it in an attribute (lib/report/HtmlText.h):
    control characters as control pictures; C1 and bidirectional controls and
    noncharacters as <U+XXXX>; tab and line feed as they are."""
    out = []
    for ch in s:
        c = ord(ch)
        if (c < 0x20 and c not in (9, 10)) or c == 0x7F:
            out.append(chr(0x2400 + (0x21 if c == 0x7F else c)))
        elif (0x80 <= c <= 0x9F or c in (0x061C, 0x200E, 0x200F, 0xFFFE, 0xFFFF)
              or 0x202A <= c <= 0x202E or 0x2066 <= c <= 0x2069
              or 0xFDD0 <= c <= 0xFDEF):
            out.append("<U+%04X>" % c)
        else:
            out.append(ch)
    return "".join(out)


def main():
    html, report = sys.argv[1:3]
    with open(report, encoding="utf-8") as f:
        findings = json.load(f)["findings"]
    expected = [(shown(f["location"]["file"]), f["location"]["line"],
                 f["location"]["column"], f["ruleId"]) for f in findings]
    found = []
    root = None
    try:
        for event, el in ET.iterparse(html, events=("start", "end")):
            if event == "start":
                if root is None:
                    root = el.tag
                continue
            if el.tag == XHTML + "article" and el.get("class") == "finding":
                found.append((el.get("id"), (el.get("data-path"), int(el.get("data-line")),
                                             int(el.get("data-column")), el.get("data-rule"))))
                el.clear()
    except ET.ParseError as e:
        sys.exit("%s: not well-formed XML: %s" % (html, e))
    if root != XHTML + "html":
        sys.exit("%s: the root element is %s" % (html, root))
    if len(found) != len(expected):
        sys.exit("%s: %d findings, the JSON report has %d" % (html, len(found), len(expected)))
    for i, (ident, where) in enumerate(found):
        if ident != "f%d" % i:
            sys.exit("%s: finding %d has the id %s" % (html, i, ident))
        if where != expected[i]:
            sys.exit("%s: finding %d is %r, the JSON report has %r" % (html, i, where, expected[i]))


if __name__ == "__main__":
    main()
