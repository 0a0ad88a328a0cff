//===- Dialects.cpp - the table of languages' fix syntaxes ----------------===//
//
// The one place that maps a Dialect to the FixSyntax its frontend defines. A
// new language adds its FixSyntax.cpp to vg_syntax (lib/CMakeLists.txt) and a
// line here.
//
//===----------------------------------------------------------------------===//
#include "core/FixSyntax.h"
#include "core/Syntax.h"

namespace verguard {
namespace cpp {
const core::FixSyntax &cFixSyntax();
const core::FixSyntax &verMaskFixSyntax();
} // namespace cpp
namespace powershell {
const core::FixSyntax &fixSyntax();
}
namespace vbscript {
const core::FixSyntax &fixSyntax();
}
namespace script {
const core::FixSyntax &wqlFixSyntax();
}
namespace batch {
const core::FixSyntax &fixSyntax();
}
namespace python {
const core::FixSyntax &fixSyntax();
}
namespace nsis {
const core::FixSyntax &fixSyntax();
}
namespace inno {
const core::FixSyntax &fixSyntax();
}
namespace wix {
const core::FixSyntax &fixSyntax(bool Escaped);
}
namespace jscript {
const core::FixSyntax &fixSyntax();
}
namespace csharp {
const core::FixSyntax &fixSyntax();
const core::FixSyntax &patternFixSyntax();
} // namespace csharp

namespace core {

std::optional<std::string> FixSyntax::cmp(llvm::StringRef Lhs, CmpOp O,
                                          int64_t V) const {
  auto Op = op(O, {});
  if (!Op)
    return std::nullopt;
  return Lhs.str() + " " + *Op + " " + std::to_string(V);
}

std::optional<std::string> FixSyntax::membership(llvm::StringRef, bool,
                                                 llvm::StringRef,
                                                 llvm::StringRef,
                                                 llvm::StringRef) const {
  return std::nullopt;
}

std::optional<std::string> FixSyntax::searchForBoth(const Expr &, const Expr &,
                                                    llvm::StringRef,
                                                    llvm::StringRef) const {
  return std::nullopt;
}

std::string FixSyntax::tableEntrySeparator(const Arm &) const { return ", "; }

std::optional<Edit> FixSyntax::armLabel(const Arm &, const Expr &, const Expr &,
                                        llvm::StringRef) const {
  return std::nullopt;
}

const FixSyntax &syntaxFor(Dialect D) {
  switch (D) {
  case Dialect::None:
  case Dialect::C:
    return cpp::cFixSyntax();
  case Dialect::VerMask:
    return cpp::verMaskFixSyntax();
  case Dialect::PowerShell:
    return powershell::fixSyntax();
  case Dialect::VB:
    return vbscript::fixSyntax();
  case Dialect::WQL:
    return script::wqlFixSyntax();
  case Dialect::Batch:
    return batch::fixSyntax();
  case Dialect::Python:
    return python::fixSyntax();
  case Dialect::Nsis:
    return nsis::fixSyntax();
  case Dialect::Inno:
    return inno::fixSyntax();
  case Dialect::Wix:
  case Dialect::WixCData:
    return wix::fixSyntax(D == Dialect::Wix);
  case Dialect::JScript:
    return jscript::fixSyntax();
  case Dialect::CSharp:
    return csharp::fixSyntax();
  case Dialect::CSharpPattern:
    return csharp::patternFixSyntax();
  }
  return cpp::cFixSyntax();
}

} // namespace core
} // namespace verguard
