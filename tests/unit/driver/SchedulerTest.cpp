//===- SchedulerTest.cpp --------------------------------------------------===//
// Every task runs once, postponed ones after every other and largest key
// first, on the workers it names; progress counts them all.
#include "driver/Scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace verguard::driver;

namespace {

struct Log {
  std::mutex M;
  std::vector<int> Started;  // second-pass task ids, as they started
  std::vector<int> Finished; // task ids, in the order they finished
  std::vector<std::pair<size_t, size_t>> Progress; // (done, total)
  std::set<unsigned> Workers;
};

/// Task Id finds Id % 3 findings; with Postpones it postpones itself (key:
/// its id) when it may.
Task task(Log &L, int Id, bool Postpones) {
  return [&L, Id, Postpones](unsigned Worker, bool Defer) -> TaskStep {
    if (Defer && Postpones)
      return {uint64_t(Id), 0};
    std::lock_guard<std::mutex> G(L.M);
    if (Postpones)
      L.Started.push_back(Id);
    L.Finished.push_back(Id);
    L.Workers.insert(Worker);
    return {std::nullopt, size_t(Id % 3)};
  };
}

ProgressFn progress(Log &L, size_t &Findings) {
  return [&L, &Findings](size_t Done, size_t Total, size_t F) {
    L.Progress.push_back({Done, Total});
    Findings = F;
  };
}

TEST(SchedulerTest, OneJobRunsEachTaskAtOnceInOrder) {
  Log L;
  size_t Findings = 0;
  Scheduler S(1, progress(L, Findings));
  EXPECT_EQ(S.workers(), 1u);
  for (int I = 0; I < 5; ++I) {
    S.add(task(L, I, /*Postpones=*/I % 2));
    // Nothing waits: the task ran inside add(), never postponed.
    EXPECT_EQ(L.Finished.size(), size_t(I + 1));
  }
  S.finish();
  EXPECT_EQ(L.Finished, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(L.Workers, std::set<unsigned>{0});
  // While adding the total is unknown (0); finish() names it once.
  ASSERT_EQ(L.Progress.size(), 6u);
  EXPECT_EQ(L.Progress[4], (std::pair<size_t, size_t>{5, 0}));
  EXPECT_EQ(L.Progress.back(), (std::pair<size_t, size_t>{5, 5}));
  EXPECT_EQ(Findings, 0u + 1 + 2 + 0 + 1);
}

TEST(SchedulerTest, PostponedTasksRunLastLargestKeyFirst) {
  for (unsigned Jobs : {2u, 3u}) {
    Log L;
    size_t Findings = 0;
    Scheduler S(Jobs, progress(L, Findings));
    EXPECT_EQ(S.workers(), Jobs);
    const int N = 2000;
    for (int I = 0; I < N; ++I)
      S.add(task(L, I, /*Postpones=*/I % 100 == 0));
    S.finish();
    ASSERT_EQ(L.Finished.size(), size_t(N));
    std::vector<int> Sorted = L.Finished;
    std::sort(Sorted.begin(), Sorted.end());
    for (int I = 0; I < N; ++I)
      ASSERT_EQ(Sorted[I], I) << "each task exactly once";
    // The 20 postponed tasks finish after the 1980 others; they are taken
    // largest key first (threads may finish them slightly out of order).
    std::vector<int> Tail(L.Finished.end() - 20, L.Finished.end());
    for (int Id : Tail)
      EXPECT_EQ(Id % 100, 0) << Id;
    std::vector<int> Expected;
    for (int I = N - 100; I >= 0; I -= 100)
      Expected.push_back(I);
    EXPECT_TRUE(
        std::is_permutation(Tail.begin(), Tail.end(), Expected.begin()));
    // Started largest key first: each within a few places of its rank.
    // Threads that took neighbours may log their start in either order, and
    // a thread preempted between taking a task and logging it (a loaded CI
    // machine) lets others pass it: the bound allows that, while the
    // reverse order (smallest first) would be 19 places off.
    ASSERT_EQ(L.Started.size(), Expected.size());
    for (size_t P = 0; P < L.Started.size(); ++P) {
      size_t Rank = (N - 100 - L.Started[P]) / 100;
      EXPECT_LE(std::max(P, Rank) - std::min(P, Rank), size_t(8))
          << "task " << L.Started[P] << " started at " << P;
    }
    for (unsigned W : L.Workers)
      EXPECT_LT(W, Jobs);
    ASSERT_FALSE(L.Progress.empty());
    EXPECT_EQ(L.Progress.back(), (std::pair<size_t, size_t>{N, N}));
    size_t Want = 0;
    for (int I = 0; I < N; ++I)
      Want += I % 3;
    EXPECT_EQ(Findings, Want);
  }
}

TEST(SchedulerTest, SecondPassWaitsForEveryFirstPass) {
  // A task postponed by a slow first-pass thread still runs, after it.
  Log L;
  Scheduler S(2);
  S.add([&](unsigned W, bool Defer) -> TaskStep {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return task(L, 1, false)(W, Defer);
  });
  S.add(task(L, 2, /*Postpones=*/true));
  S.finish();
  EXPECT_EQ(L.Finished, (std::vector<int>{1, 2}));
}

TEST(SchedulerTest, NoTasks) {
  Log L;
  size_t Findings = 7;
  Scheduler S(2, progress(L, Findings));
  S.finish();
  // Nothing done: progress says so once (the caller draws nothing).
  EXPECT_EQ(L.Progress, (std::vector<std::pair<size_t, size_t>>{{0, 0}}));
  EXPECT_TRUE(L.Finished.empty());
}

} // namespace
