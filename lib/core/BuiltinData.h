//===- BuiltinData.h - the data files built into the binary -----*- C++ -*-===//
#ifndef VERGUARD_CORE_BUILTINDATA_H
#define VERGUARD_CORE_BUILTINDATA_H

#include "llvm/ADT/StringRef.h"

namespace verguard::core {

/// The text of rules/profiles.yaml as built in (builtinProfiles() parses it).
llvm::StringRef builtinProfilesText();
/// The text of rules/sources.yaml as built in (builtinSources() parses it).
llvm::StringRef builtinSourcesText();

} // namespace verguard::core

#endif
