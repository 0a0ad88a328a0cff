//===- Embedded.cpp -------------------------------------------------------===//
#include "vbscript/Embedded.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace verguard::vbscript {

FileKind fileKindOf(llvm::StringRef Path) {
  std::string Ext = llvm::sys::path::extension(Path).lower();
  if (Ext == ".vbs")
    return FileKind::VBScript;
  if (Ext == ".wsf")
    return FileKind::Wsf;
  if (Ext == ".hta" || Ext == ".htm" || Ext == ".html")
    return FileKind::Html;
  if (Ext == ".asp")
    return FileKind::Asp;
  if (Ext == ".bas" || Ext == ".cls" || Ext == ".frm" || Ext == ".ctl")
    return FileKind::Module;
  if (Ext == ".vbe")
    return FileKind::Encoded;
  return FileKind::Other;
}

namespace {

size_t findInsensitive(llvm::StringRef S, llvm::StringRef Needle, size_t From) {
  if (From >= S.size())
    return llvm::StringRef::npos;
  return S.find_insensitive(Needle, From);
}

/// The value of attribute Name in a start tag's text, or "".
std::string attribute(llvm::StringRef Tag, llvm::StringRef Name) {
  size_t At = 0;
  while ((At = findInsensitive(Tag, Name, At)) != llvm::StringRef::npos) {
    bool WordStart = At > 0 && (Tag[At - 1] == ' ' || Tag[At - 1] == '\t' ||
                                Tag[At - 1] == '\n' || Tag[At - 1] == '\r');
    size_t I = At + Name.size();
    At = I;
    if (!WordStart)
      continue;
    while (I < Tag.size() && (Tag[I] == ' ' || Tag[I] == '\t'))
      ++I;
    if (I >= Tag.size() || Tag[I] != '=')
      continue;
    ++I;
    while (I < Tag.size() && (Tag[I] == ' ' || Tag[I] == '\t'))
      ++I;
    if (I < Tag.size() && (Tag[I] == '"' || Tag[I] == '\'')) {
      char Q = Tag[I];
      size_t E = Tag.find(Q, I + 1);
      if (E == llvm::StringRef::npos)
        return {};
      return Tag.slice(I + 1, E).str();
    }
    size_t E = I;
    while (E < Tag.size() && !llvm::isSpace(Tag[E]) && Tag[E] != '>')
      ++E;
    return Tag.slice(I, E).str();
  }
  return {};
}

bool namesVBScript(llvm::StringRef V) {
  std::string L = llvm::StringRef(V).lower();
  llvm::StringRef S = L;
  return S.contains("vbscript") || S == "vbs" || S.ends_with("/vbs");
}

bool namesJScript(llvm::StringRef V) {
  std::string L = llvm::StringRef(V).lower();
  llvm::StringRef S = L;
  return S.contains("jscript") || S.contains("javascript") ||
         S.contains("ecmascript");
}

void addScriptElements(llvm::StringRef Src, bool DefaultVB,
                       std::vector<Chunk> &Out,
                       bool (*Names)(llvm::StringRef) = namesVBScript) {
  size_t At = 0;
  while ((At = findInsensitive(Src, "<script", At)) != llvm::StringRef::npos) {
    size_t TagEnd = Src.find('>', At);
    if (TagEnd == llvm::StringRef::npos)
      return;
    llvm::StringRef Tag = Src.slice(At, TagEnd);
    if (Tag.ends_with("/")) {
      // `<script language="VBScript" src="lib.vbs"/>`: no content, and the
      // next element is not its body.
      At = TagEnd + 1;
      continue;
    }
    size_t Close = findInsensitive(Src, "</script", TagEnd);
    if (Close == llvm::StringRef::npos)
      Close = Src.size();
    std::string Lang = attribute(Tag, "language");
    std::string Type = attribute(Tag, "type");
    bool VB = Names(Lang) || Names(Type) ||
              (DefaultVB && Lang.empty() && Type.empty());
    if (VB) {
      uint32_t B = TagEnd + 1, E = Close;
      llvm::StringRef Body = Src.slice(B, E);
      llvm::StringRef Lead = Body.ltrim();
      if (Lead.starts_with("<![CDATA[")) {
        B += (Body.size() - Lead.size()) + 9;
        size_t End = Src.slice(B, E).rfind("]]>");
        if (End != llvm::StringRef::npos)
          E = B + End;
      }
      Out.push_back({B, E});
    }
    At = Close;
  }
}

void addAspBlocks(llvm::StringRef Src, std::vector<Chunk> &Out) {
  size_t At = 0;
  while ((At = Src.find("<%", At)) != llvm::StringRef::npos) {
    size_t End = Src.find("%>", At + 2);
    if (End == llvm::StringRef::npos)
      End = Src.size();
    char Next = At + 2 < Src.size() ? Src[At + 2] : ' ';
    if (Next != '@' && Next != '=' && Next != '-')
      Out.push_back({uint32_t(At + 2), uint32_t(End)});
    At = End + 2;
  }
}

/// Calls Fn with the text of each start tag named Open (`<script`,
/// `<object`) in Source, up to its `>`.
template <typename F>
void forEachTag(llvm::StringRef Source, llvm::StringRef Open, F Fn) {
  size_t At = 0;
  while ((At = findInsensitive(Source, Open, At)) != llvm::StringRef::npos) {
    size_t TagEnd = Source.find('>', At);
    if (TagEnd == llvm::StringRef::npos)
      break;
    Fn(Source.slice(At, TagEnd));
    At = TagEnd;
  }
}

} // namespace

std::vector<std::string> scriptSources(llvm::StringRef Source) {
  std::vector<std::string> Out;
  forEachTag(Source, "<script", [&](llvm::StringRef Tag) {
    std::string Src = attribute(Tag, "src");
    if (!Src.empty() && (namesVBScript(attribute(Tag, "language")) ||
                         namesVBScript(attribute(Tag, "type")) ||
                         llvm::StringRef(Src).ends_with_insensitive(".vbs")))
      Out.push_back(Src);
  });
  return Out;
}

std::vector<std::pair<std::string, std::string>>
declaredObjects(llvm::StringRef Source) {
  std::vector<std::pair<std::string, std::string>> Out;
  forEachTag(Source, "<object", [&](llvm::StringRef Tag) {
    std::string Id = attribute(Tag, "id"), ProgId = attribute(Tag, "progid");
    if (!Id.empty() && !ProgId.empty())
      Out.push_back({Id, ProgId});
  });
  return Out;
}

std::vector<Chunk> jscriptChunks(llvm::StringRef Source) {
  std::vector<Chunk> Out;
  addScriptElements(Source, /*DefaultVB=*/false, Out, namesJScript);
  return Out;
}

std::vector<Chunk> embeddedChunks(llvm::StringRef Source, FileKind K) {
  std::vector<Chunk> Out;
  switch (K) {
  case FileKind::Wsf:
  case FileKind::Html:
    addScriptElements(Source, /*DefaultVB=*/false, Out);
    break;
  case FileKind::Asp: {
    // `<%@ Language="JScript" %>` turns the blocks to JScript.
    size_t D = Source.find("<%@");
    bool Blocks = true;
    if (D != llvm::StringRef::npos) {
      size_t E = Source.find("%>", D);
      std::string Lang = attribute(Source.slice(D, E), "language");
      if (!Lang.empty() && !namesVBScript(Lang))
        Blocks = false;
    }
    addScriptElements(Source, /*DefaultVB=*/false, Out);
    if (Blocks)
      addAspBlocks(Source, Out);
    std::sort(Out.begin(), Out.end(),
              [](const Chunk &A, const Chunk &B) { return A.Begin < B.Begin; });
    // A `<% %>` block inside a <script> element (or the reverse) is part of
    // the outer range: the chunks must not overlap.
    std::vector<Chunk> Outer;
    for (const Chunk &C : Out)
      if (Outer.empty() || C.Begin >= Outer.back().End)
        Outer.push_back(C);
    Out = std::move(Outer);
    break;
  }
  default:
    Out.push_back({0, uint32_t(Source.size())});
  }
  return Out;
}

} // namespace verguard::vbscript
