//===- GitTest.cpp --------------------------------------------------------===//
#include "driver/Git.h"

#include <gtest/gtest.h>

using namespace verguard::driver;

namespace {

TEST(Git, UnquotesDiffHeaderPaths) {
  EXPECT_EQ(unquoteGitPath("b/plain name.cpp"), "b/plain name.cpp");
  EXPECT_EQ(unquoteGitPath("\"b/caf\\303\\251.cpp\""), "b/caf\xC3\xA9.cpp");
  EXPECT_EQ(unquoteGitPath("\"b/tab\\there.cpp\""), "b/tab\there.cpp");
  EXPECT_EQ(unquoteGitPath("\"b/q\\\"uote\\\\d.cpp\""), "b/q\"uote\\d.cpp");
  EXPECT_EQ(unquoteGitPath("\"b/new\\nline\""), "b/new\nline");
}

} // namespace
