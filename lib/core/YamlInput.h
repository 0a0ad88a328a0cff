//===- YamlInput.h - reading rules/ data files ------------------*- C++ -*-===//
#ifndef VERGUARD_CORE_YAMLINPUT_H
#define VERGUARD_CORE_YAMLINPUT_H

#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

#include <string>

namespace verguard::core {

/// Reads Yaml into Out (a type with llvm::yaml::MappingTraits); an error
/// names FileName with the line and column of the first problem.
template <typename T>
llvm::Error readYaml(llvm::StringRef Yaml, llvm::StringRef FileName, T &Out) {
  std::string Diag;
  llvm::yaml::Input In(
      Yaml, nullptr,
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        std::string &S = *static_cast<std::string *>(Ctx);
        if (S.empty())
          S = std::to_string(D.getLineNo()) + ":" +
              std::to_string(D.getColumnNo() + 1) + ": " + D.getMessage().str();
      },
      &Diag);
  In >> Out;
  if (In.error())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s:%s",
                                   FileName.str().c_str(), Diag.c_str());
  return llvm::Error::success();
}

} // namespace verguard::core

#endif
