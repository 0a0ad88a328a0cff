//===- CodeRegionsTest.cpp ------------------------------------------------===//
#include "driver/CodeRegions.h"

#include <gtest/gtest.h>

#include <string>

using namespace verguard::driver;

namespace {

// The region of every character of Text, as one letter each: c(ode),
// s(tring), m (comment).
std::string regions(llvm::StringRef Text, Dialect D) {
  RegionScanner R(Text, D);
  std::string Out;
  for (size_t I = 0; I < Text.size(); ++I) {
    Region G = R.at(I);
    Out += G == Region::Code ? 'c' : G == Region::String ? 's' : 'm';
  }
  return Out;
}

TEST(CodeRegions, C) {
  EXPECT_EQ(regions("a/*x*/b//y\nc", Dialect::C), "cmmmmmcmmmcc");
  EXPECT_EQ(regions("\"a\\\"/*\"x", Dialect::C), "sssssssc");
  EXPECT_EQ(regions("'\"'//", Dialect::C), "sssmm");
  EXPECT_EQ(regions("6'0+'x'", Dialect::C), "ccccsss"); // a separator, a char
  EXPECT_EQ(regions("R\"a(\")a\"x", Dialect::C), "csssssssc"); // R: code
  EXPECT_EQ(regions("u8R\"(//)\"x", Dialect::C), "cccssssssc");
  EXPECT_EQ(regions("\"ab\ncd", Dialect::C), "sssscc"); // unterminated
}

TEST(CodeRegions, LongRunsOfCode) {
  // Code runs longer than one 16-byte block are skipped a block at a time:
  // what opens a comment or a string inside or after them is still seen.
  std::string Pad(37, 'x');
  std::string C = Pad + "/*6002*/" + Pad + "\"6002\"" + Pad + "// 6002";
  std::string Want = std::string(37, 'c') + std::string(8, 'm') +
                     std::string(37, 'c') + std::string(6, 's') +
                     std::string(37, 'c') + std::string(7, 'm');
  EXPECT_EQ(regions(C, Dialect::C), Want);
  std::string Cs = Pad + "@\"a\"\"b\"" + Pad + "$\"{x}\"";
  EXPECT_EQ(regions(Cs, Dialect::CSharp),
            std::string(37, 'c') + std::string(7, 's') + std::string(37, 'c') +
                std::string(6, 's'));
  std::string Ps = Pad + " #c\n" + Pad + "<#x#>" + Pad + "@'y'";
  EXPECT_EQ(regions(Ps, Dialect::PowerShell),
            std::string(38, 'c') + "mmc" + std::string(37, 'c') +
                std::string(5, 'm') + std::string(37, 'c') + "ssss");
  std::string Py = Pad + "'''a'''" + Pad + "#z";
  EXPECT_EQ(regions(Py, Dialect::Python), std::string(37, 'c') +
                                              std::string(7, 's') +
                                              std::string(37, 'c') + "mm");
  // Offsets asked out of order (a number, then a word before it).
  RegionScanner R(C, Dialect::C);
  EXPECT_EQ(R.at(C.size() - 1), Region::Comment);
  EXPECT_EQ(R.at(40), Region::Comment);
  EXPECT_EQ(R.at(3), Region::Code);
  EXPECT_EQ(R.at(85), Region::String);
}

TEST(CodeRegions, CodeBeforeAComment) {
  // Whether code precedes a comment on its line, after long runs of text.
  std::string T = std::string(40, 'a') + "\n" + std::string(20, ' ') +
                  "// x\n" + std::string(30, ' ') + "f();  // y\n" +
                  "/* a\n b */ // z";
  std::vector<Span> S = spansOf(T, Dialect::C);
  ASSERT_EQ(S.size(), 4u);
  EXPECT_FALSE(S[0].CodeBefore);
  EXPECT_TRUE(S[1].CodeBefore);
  EXPECT_FALSE(S[2].CodeBefore);
  EXPECT_FALSE(S[3].CodeBefore); // after a comment of several lines
}

TEST(CodeRegions, JavaScriptRegexAndTemplateLiterals) {
  // JScript is read with C's grammar: a `/` where an operand is expected
  // starts a regular expression, its pattern text (a `/` in a class does
  // not end it); after a name, a number, `)` or `]` it divides.
  EXPECT_EQ(regions("if(/^6[/]0/i.test(b))", Dialect::C),
            "cccsssssssssccccccccc");
  EXPECT_EQ(regions("return /6/;", Dialect::C), "cccccccsssc");
  EXPECT_EQ(regions("a / 6002 / b", Dialect::C), "cccccccccccc");
  EXPECT_EQ(regions("f(x) / 2 // c", Dialect::C), "cccccccccmmmm");
  EXPECT_EQ(regions("x = /un\nclosed", Dialect::C), "cccccccccccccc");
  EXPECT_EQ(regions("`6.0.${b}`+1", Dialect::C), "sssssssssscc");
}

TEST(CodeRegions, Batch) {
  // `rem` and `::` where a command starts; "..." to the quote or the line's
  // end; a trailing `& rem` is one comment from its `&`.
  EXPECT_EQ(regions("rem x\nb", Dialect::Batch), "mmmmmcc");
  EXPECT_EQ(regions(":: x\nb", Dialect::Batch), "mmmmcc");
  EXPECT_EQ(regions("@REM x", Dialect::Batch), "cmmmmm");
  EXPECT_EQ(regions("echo rem x", Dialect::Batch), "cccccccccc");
  EXPECT_EQ(regions("a & rem x", Dialect::Batch), "ccmmmmmmm");
  EXPECT_EQ(regions("\"rem\" x", Dialect::Batch), "ssssscc");
  EXPECT_EQ(regions("(rem x\n)", Dialect::Batch), "cmmmmmcc");
  EXPECT_EQ(regions("a ::x", Dialect::Batch), "ccccc"); // `::` mid-line
  EXPECT_EQ(numberValue("0x1772", Dialect::Batch).value_or(0), 6002.0);
  EXPECT_EQ(dialectOf("x.CMD", Language::Batch), Dialect::Batch);
}

TEST(CodeRegions, PowerShell) {
  EXPECT_EQ(regions("a #x\nb", Dialect::PowerShell), "ccmmcc");
  EXPECT_EQ(regions("a#b", Dialect::PowerShell), "ccc");
  EXPECT_EQ(regions("<#x#>y", Dialect::PowerShell), "mmmmmc");
  EXPECT_EQ(regions("'a''#'x", Dialect::PowerShell), "ssssssc");
  EXPECT_EQ(regions("\"`\"#\"x", Dialect::PowerShell), "sssssc");
  EXPECT_EQ(regions("@'\n#'\n'@x", Dialect::PowerShell), "ssssssssc");
}

TEST(CodeRegions, VB) {
  EXPECT_EQ(regions("a 'x\nb", Dialect::VB), "ccmmcc");
  EXPECT_EQ(regions("Rem x\nb", Dialect::VB), "mmmmmcc");
  EXPECT_EQ(regions("a: rem x", Dialect::VB), "cccmmmmm");
  EXPECT_EQ(regions("Remark = 1", Dialect::VB), "cccccccccc");
  EXPECT_EQ(regions("\"a\"\"'\"x", Dialect::VB), "ssssssc");
  EXPECT_EQ(regions("' x", Dialect::Markup), "sss");
}

TEST(CodeRegions, Python) {
  EXPECT_EQ(regions("a #x\nb", Dialect::Python), "ccmmcc");
  EXPECT_EQ(regions("'a#'x", Dialect::Python), "ssssc");
  EXPECT_EQ(regions("\"\\\"#\"x", Dialect::Python), "sssssc");
  EXPECT_EQ(regions("'''a\n#'''x", Dialect::Python), "sssssssssc");
  EXPECT_EQ(regions("r'\\\\'#", Dialect::Python), "cssssm"); // r: code
}

TEST(CodeRegions, Inno) {
  // Sections: `;` and `//` lines are comments, "..." strings; `{app}` and a
  // `;` between parameters are code.
  EXPECT_EQ(regions("; 6002\nA: \"x\"; B: {a}", Dialect::Inno),
            "mmmmmmccccssscccccccc");
  EXPECT_EQ(regions("  // x\n", Dialect::Inno), "ccmmmmc");
  // [Code]: `//`, `{ }`, `(* *)` comments and '...' strings; `;` is code.
  EXPECT_EQ(
      regions("[Code]\na; {x} (*y*) 'z' // w\n[Setup]\n;x", Dialect::Inno),
      "ccccccccccmmmcmmmmmcssscmmmmcccccccccmm");
  EXPECT_EQ(numberValue("$1772", Dialect::Inno).value_or(0), 6002.0);
  EXPECT_EQ(numberValue("06002", Dialect::Inno).value_or(0), 6002.0);
  EXPECT_EQ(dialectOf("setup.ISS", Language::Inno), Dialect::Inno);
}

TEST(CodeRegions, PythonNumbers) {
  EXPECT_EQ(numberValue("6_002", Dialect::Python), 6002);
  EXPECT_EQ(numberValue("0x1772", Dialect::Python), 6002);
  EXPECT_EQ(numberValue("0o13562", Dialect::Python), 6002);
  EXPECT_EQ(numberValue("6002", Dialect::Python), 6002);
}

TEST(CodeRegions, CSharp) {
  EXPECT_EQ(regions("a //x\nb", Dialect::CSharp), "ccmmmcc");
  EXPECT_EQ(regions("a /*x*/b", Dialect::CSharp), "ccmmmmmc");
  // A verbatim string ends at its first lone quote; \ escapes nothing.
  EXPECT_EQ(regions("@\"a\\\"//", Dialect::CSharp), "sssssmm");
  EXPECT_EQ(regions("@\"a\"\"b\"x", Dialect::CSharp), "sssssssc");
  EXPECT_EQ(regions("\"\\\"//\"x", Dialect::CSharp), "ssssssc");
  EXPECT_EQ(regions("$\"{a}//\"x", Dialect::CSharp), "ssssssssc");
  EXPECT_EQ(regions("\"\"\"a\"b\"\"\"x", Dialect::CSharp), "sssssssssc");
  EXPECT_EQ(regions("'\"'//", Dialect::CSharp), "sssmm");
  EXPECT_EQ(numberValue("6_002", Dialect::CSharp), 6002);
  EXPECT_EQ(numberValue("0x1772u", Dialect::CSharp), 6002);
  EXPECT_EQ(numberValue("06002", Dialect::CSharp), 6002);
  EXPECT_EQ(numberValue("0b1011101110010", Dialect::CSharp), 6002);
}

TEST(CodeRegions, NumbersInEachNotation) {
  struct Case {
    const char *Tok;
    Dialect D;
    double Want;
  } Cases[] = {{"6002", Dialect::C, 6002},
               {"0x1772", Dialect::C, 6002},
               {"0X1772ULL", Dialect::C, 6002},
               {"6'002", Dialect::C, 6002},
               {"013562", Dialect::C, 6002},
               {"0b1011101110010", Dialect::C, 6002},
               {"6002.5f", Dialect::C, 6002.5},
               {"6.002e3", Dialect::C, 6002},
               {"6002L", Dialect::PowerShell, 6002},
               {"0x1772", Dialect::PowerShell, 6002},
               {"6kb", Dialect::PowerShell, 6144},
               {"6002d", Dialect::PowerShell, 6002},
               {"06002", Dialect::PowerShell, 6002},
               {"&H1772", Dialect::VB, 6002},
               {"&o13562", Dialect::VB, 6002},
               {"6.002E3", Dialect::VB, 6002}};
  for (const Case &C : Cases) {
    std::optional<double> V = numberValue(C.Tok, C.D);
    ASSERT_TRUE(V) << C.Tok;
    EXPECT_EQ(*V, C.Want) << C.Tok;
  }
  for (const char *Bad : {"6.0.6002", "1..10", "6002abc", "08", "0x", "1e"})
    EXPECT_FALSE(numberValue(Bad, Dialect::C)) << Bad;
  EXPECT_FALSE(numberValue("1..6002", Dialect::PowerShell));
}

TEST(CodeRegions, NumberTokensEndWhereTheLanguageSays) {
  llvm::StringRef T = "6'002+1 6.0e+3) &H17&";
  EXPECT_EQ(numberEnd(T, 0, Dialect::C), 5u);
  EXPECT_EQ(numberEnd(T, 8, Dialect::C), 14u);
  EXPECT_EQ(numberEnd(T, 0, Dialect::VB), 1u); // ' starts a comment
  EXPECT_EQ(numberEnd(T, 16, Dialect::VB), 20u);
}

TEST(CodeRegions, DialectsByLanguageAndExtension) {
  EXPECT_EQ(dialectOf("a.h", Language::Cpp), Dialect::C);
  EXPECT_EQ(dialectOf("a.psm1", Language::PowerShell), Dialect::PowerShell);
  EXPECT_EQ(dialectOf("a.VBS", Language::VBScript), Dialect::VB);
  EXPECT_EQ(dialectOf("a.bas", Language::VBA), Dialect::VB);
  EXPECT_EQ(dialectOf("a.hta", Language::VBScript), Dialect::Markup);
  EXPECT_EQ(dialectOf("a.wsf", Language::VBScript), Dialect::Markup);
  EXPECT_EQ(dialectOf("a.py", Language::Python), Dialect::Python);
  EXPECT_EQ(dialectOf("a.cs", Language::CSharp), Dialect::CSharp);
}

} // namespace
