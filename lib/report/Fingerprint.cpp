//===- Fingerprint.cpp ----------------------------------------------------===//
#include "report/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"

#include <map>

namespace verguard::report {

std::string displayPath(llvm::StringRef Path, llvm::StringRef SrcRoot) {
  if (!SrcRoot.empty() && Path.starts_with(SrcRoot)) {
    llvm::StringRef Rest = Path.drop_front(SrcRoot.size());
    if (Rest.consume_front("/"))
      return Rest.str();
    if (SrcRoot.ends_with("/"))
      return Rest.str();
  }
  return Path.str();
}

std::vector<std::string> fingerprints(const std::vector<core::Finding> &F) {
  std::vector<std::string> Out;
  std::map<std::string, unsigned> Occurrences;
  for (const core::Finding &X : F) {
    std::string Key = X.RuleId + "|" + X.Guard + "|" + X.Function + "|" +
                      llvm::sys::path::filename(X.Where.File).str();
    unsigned N = Occurrences[Key]++;
    llvm::SHA1 H;
    H.update(Key + "|" + std::to_string(N));
    auto D = H.final();
    Out.push_back(llvm::toHex(llvm::ArrayRef<uint8_t>(D.data(), 8), true));
  }
  return Out;
}

} // namespace verguard::report
