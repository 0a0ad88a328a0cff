//===- VBScriptFrontend.cpp -----------------------------------------------===//
#include "vbscript/VBScriptFrontend.h"

#include "script/ParsePlan.h"
#include "script/TreeSitter.h"
#include "vbscript/Adapter.h"
#include "vbscript/Embedded.h"
#include "vbscript/Lowering.h"

extern "C" const TSLanguage *tree_sitter_vba();
extern "C" const TSLanguage *tree_sitter_vb6();

namespace verguard::vbscript {

namespace {

core::Diagnostic note(llvm::StringRef Path, const script::DecodedText &Text,
                      uint32_t Offset, const std::string &Message) {
  core::Diagnostic D;
  D.Level = core::Severity::Note;
  D.Where = Text.span(Path, Offset, Offset);
  D.Message = Path.str() + ":" + std::to_string(D.Where.Line) + ":" +
              std::to_string(D.Where.Col) + ": " + Message;
  return D;
}

} // namespace

void lowerFile(llvm::StringRef Path, const script::DecodedText &Text,
               const core::FrontendOptions &Opts,
               std::vector<core::Guard> &Guards,
               std::vector<core::Diagnostic> &Diags) {
  FileKind K = fileKindOf(Path);
  llvm::StringRef Src = Text.Utf8;
  if (K == FileKind::Encoded || Src.starts_with("#@~^")) {
    Diags.push_back(note(Path, Text, 0,
                         "encoded VBScript (.vbe) cannot be analyzed; "
                         "skipped (decode it to .vbs to check it)"));
    return;
  }
  Adapted Code;
  bool Module = K == FileKind::Module;
  if (Module) {
    Code = adaptModule(Src);
  } else {
    std::vector<Chunk> Chunks;
    if (K == FileKind::Wsf || K == FileKind::Html || K == FileKind::Asp)
      Chunks = embeddedChunks(Src, K);
    else
      Chunks.push_back({0, uint32_t(Src.size())});
    if (Chunks.empty())
      return;
    Code = adaptVBScript(Src, Chunks);
  }
  uint64_t Micros = Opts.TimeoutMs * 1000;
  // The procedures no finding can depend on are left unparsed
  // (script/ParsePlan.h), but never a class's.
  std::vector<std::pair<uint32_t, uint32_t>> Classes;
  for (const ClassRange &C : Code.Classes)
    Classes.push_back({C.Begin, C.End});
  script::ParsePlan Plan =
      script::planParse(Code.Text, script::PlanDialect::VB, Opts.Triggers,
                        Classes, SyntheticMain);
  script::TreePtr Tree =
      script::parsePlanned(tree_sitter_vba(), Code.Text, Plan, Micros);
  script::ParseTrouble Trouble;
  if (Tree)
    Trouble = script::parseTrouble(ts_tree_root_node(Tree.get()));
  if (Module && (!Tree || Trouble.Errors)) {
    // VB6 forms and classes, or VBA code the vba parser stumbles on.
    script::TreePtr Alt =
        script::parse(tree_sitter_vb6(), Code.Text, {}, Micros);
    if (Alt) {
      script::ParseTrouble AltTrouble =
          script::parseTrouble(ts_tree_root_node(Alt.get()));
      if (!Tree || AltTrouble.Errors < Trouble.Errors) {
        Tree = std::move(Alt);
        Trouble = AltTrouble;
      }
    }
  }
  if (!Tree) {
    Diags.push_back(
        note(Path, Text, 0, "the file could not be parsed in time; skipped"));
    return;
  }
  if (Trouble.Errors) {
    Diags.push_back(
        note(Path, Text, Code.Map.toSource(Trouble.FirstByte),
             "syntax the VBScript/VBA parser does not understand (" +
                 std::to_string(Trouble.Errors) +
                 " region(s)); the rest of the file is still analyzed"));
    // Error recovery can swallow the statements that follow a broken line
    // (and the synthetic procedure around them): blank the line where the
    // trouble starts and parse again, a few times at most.
    const TSLanguage *Lang = ts_tree_language(Tree.get());
    for (int Round = 0; Round < 8 && Trouble.Errors; ++Round) {
      uint32_t B = Trouble.FirstByte, E = B;
      while (B > 0 && Code.Text[B - 1] != '\n')
        --B;
      while (E < Code.Text.size() && Code.Text[E] != '\n')
        ++E;
      if (!Code.Map.contiguous(B, E) || B == E)
        break;
      for (uint32_t I = B; I < E; ++I)
        if (Code.Text[I] != '\r')
          Code.Text[I] = ' ';
      script::TreePtr Again = script::parse(Lang, Code.Text, {}, Micros);
      if (!Again)
        break;
      Tree = std::move(Again);
      Trouble = script::parseTrouble(ts_tree_root_node(Tree.get()));
    }
  }
  script::FlatTree Flat(ts_tree_root_node(Tree.get()));
  LoweringInput In{Path,
                   Text,
                   Code,
                   Flat.root(),
                   /*IsVBScript=*/!Module,
                   Opts};
  lowerTree(In, Guards, Diags);
}

} // namespace verguard::vbscript
