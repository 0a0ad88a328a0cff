//===- tsparse.cpp - raw tree-sitter parse, the baseline of tools/bench ---===//
//
// Parses every .ps1/.psm1 with the PowerShell grammar, every .vbs/.bas/.cls
// with the VBA grammar, every .py/.pyw with the Python grammar and every
// .cs/.csx with the C# grammar, as
// verguard would, and prints nothing: the time it
// takes is the floor for verguard's script frontends.
//
//   vg_tsparse FILE...        or       vg_tsparse @LIST   (one path a line)
//
// Exits 1 if a file cannot be read; other extensions are ignored.
//===----------------------------------------------------------------------===//
#include "tree_sitter/api.h"

#include <cctype>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

extern "C" const TSLanguage *tree_sitter_powershell(void);
extern "C" const TSLanguage *tree_sitter_vba(void);
extern "C" const TSLanguage *tree_sitter_python(void);
extern "C" const TSLanguage *tree_sitter_javascript(void);
extern "C" const TSLanguage *tree_sitter_c_sharp(void);

namespace {

std::string extension(const std::string &P) {
  size_t Dot = P.rfind('.'), Slash = P.rfind('/');
  if (Dot == std::string::npos || (Slash != std::string::npos && Dot < Slash))
    return "";
  std::string E = P.substr(Dot);
  for (char &C : E)
    C = char(std::tolower((unsigned char)C));
  return E;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> Paths;
  for (int I = 1; I < argc; ++I) {
    std::string A = argv[I];
    if (!A.empty() && A[0] == '@') {
      std::ifstream L(A.substr(1));
      for (std::string Line; std::getline(L, Line);)
        if (!Line.empty())
          Paths.push_back(Line);
    } else {
      Paths.push_back(A);
    }
  }
  TSParser *Ps = ts_parser_new();
  TSParser *Vb = ts_parser_new();
  TSParser *Py = ts_parser_new();
  TSParser *Js = ts_parser_new();
  TSParser *Cs = ts_parser_new();
  if (!ts_parser_set_language(Ps, tree_sitter_powershell()) ||
      !ts_parser_set_language(Vb, tree_sitter_vba()) ||
      !ts_parser_set_language(Py, tree_sitter_python()) ||
      !ts_parser_set_language(Js, tree_sitter_javascript()) ||
      !ts_parser_set_language(Cs, tree_sitter_c_sharp())) {
    std::fprintf(stderr, "vg_tsparse: grammar ABI mismatch\n");
    return 2;
  }
  int Rc = 0;
  unsigned long long Nodes = 0;
  for (const std::string &P : Paths) {
    std::string E = extension(P);
    TSParser *Parser = nullptr;
    if (E == ".ps1" || E == ".psm1")
      Parser = Ps;
    else if (E == ".vbs" || E == ".bas" || E == ".cls")
      Parser = Vb;
    else if (E == ".py" || E == ".pyw")
      Parser = Py;
    else if (E == ".js")
      Parser = Js;
    else if (E == ".cs" || E == ".csx")
      Parser = Cs;
    else
      continue;
    std::ifstream F(P, std::ios::binary);
    if (!F) {
      std::fprintf(stderr, "vg_tsparse: cannot read %s\n", P.c_str());
      Rc = 1;
      continue;
    }
    std::string Text((std::istreambuf_iterator<char>(F)),
                     std::istreambuf_iterator<char>());
    TSTree *T = ts_parser_parse_string(Parser, nullptr, Text.data(),
                                       uint32_t(Text.size()));
    if (T) {
      Nodes += ts_node_child_count(ts_tree_root_node(T));
      ts_tree_delete(T);
    }
  }
  ts_parser_delete(Ps);
  ts_parser_delete(Vb);
  ts_parser_delete(Py);
  return Rc + (Nodes == ~0ULL); // keep the parse observable
}
