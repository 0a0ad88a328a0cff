//===- ConfigTest.cpp -----------------------------------------------------===//
#include "driver/Config.h"

#include <gtest/gtest.h>

using namespace verguard;

namespace {

// Found by ConfigFuzzer: a stream the YAML scanner gives up on has a root
// without a location; the error must still name the file, not crash.
TEST(Config, BrokenFlowSequenceIsAnErrorNamingTheFile) {
  auto C = driver::parseConfig(llvm::StringRef("[\rG\xb0"
                                               "0",
                                               5),
                               "/src/.verguard.yaml");
  ASSERT_FALSE(static_cast<bool>(C));
  std::string Msg = llvm::toString(C.takeError());
  EXPECT_EQ(Msg.rfind("/src/.verguard.yaml:", 0), 0u) << Msg;
}

TEST(Config, NotAMappingIsAnErrorWithItsLine) {
  auto C = driver::parseConfig("\n- a\n- b\n", "/src/.verguard.yaml");
  ASSERT_FALSE(static_cast<bool>(C));
  std::string Msg = llvm::toString(C.takeError());
  EXPECT_NE(Msg.find("/src/.verguard.yaml:2:1: "), std::string::npos) << Msg;
}

} // namespace
