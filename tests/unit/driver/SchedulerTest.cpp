//===- SchedulerTest.cpp --------------------------------------------------===//
// Every task runs once, on the workers it names; a postponed one runs again
// early on all threads but one, or after every other, largest key first;
// progress counts them all.
#include "driver/Scheduler.h"

#include <gtest/gtest.h>

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace verguard::driver;

namespace {

struct Log {
  std::mutex M;
  std::vector<int> Started;  // postponed task ids, as they started again
  std::vector<int> Finished; // task ids, in the order they finished
  std::vector<std::pair<size_t, size_t>> Progress; // (done, total)
  std::set<unsigned> Workers;
  int Light = 0;   // tasks that do not postpone, not finished yet
  int Running = 0; // postponed tasks running again
  std::vector<int> LightLeftAtStart; // Light when each of Started started
  int MostRunningWhileLight = 0;
};

/// Task Id finds Id % 3 findings; with Postpones it postpones itself (key:
/// its id) when it may, and takes Work when it runs again.
Task task(Log &L, int Id, bool Postpones, std::chrono::microseconds Work = {}) {
  return [&L, Id, Postpones, Work](unsigned Worker, bool Defer) -> TaskStep {
    if (Defer && Postpones)
      return {uint64_t(Id), 0};
    if (Postpones) {
      {
        std::lock_guard<std::mutex> G(L.M);
        L.Started.push_back(Id);
        L.LightLeftAtStart.push_back(L.Light);
        ++L.Running;
        if (L.Light > 0)
          L.MostRunningWhileLight =
              std::max(L.MostRunningWhileLight, L.Running);
      }
      std::this_thread::sleep_for(Work);
    }
    std::lock_guard<std::mutex> G(L.M);
    if (Postpones)
      --L.Running;
    else
      --L.Light;
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

TEST(SchedulerTest, PostponedTasksStartEarlyOnAllThreadsButOne) {
  for (unsigned Jobs : {2u, 3u}) {
    Log L;
    size_t Findings = 0;
    Scheduler S(Jobs, progress(L, Findings));
    EXPECT_EQ(S.workers(), Jobs);
    const int N = 2000;
    L.Light = N - N / 100;
    for (int I = 0; I < N; ++I)
      S.add(task(L, I, /*Postpones=*/I % 100 == 0,
                 std::chrono::microseconds(2000)));
    S.finish();
    ASSERT_EQ(L.Finished.size(), size_t(N));
    std::vector<int> Sorted = L.Finished;
    std::sort(Sorted.begin(), Sorted.end());
    for (int I = 0; I < N; ++I)
      ASSERT_EQ(Sorted[I], I) << "each task exactly once";
    ASSERT_EQ(L.Started.size(), size_t(N / 100));
    // A long parse starts while short tasks are left (the first postponed
    // one, at once), and never on every thread while they are: one thread
    // is always on the short tasks.
    EXPECT_GT(L.LightLeftAtStart.front(), 0) << "task 0 started early";
    EXPECT_GE(L.MostRunningWhileLight, 1);
    EXPECT_LE(L.MostRunningWhileLight, int(Jobs) - 1);
    // Those started once the short tasks were done (the second pass) are
    // taken largest key first: each within a few places of its rank among
    // them (threads may log neighbours in either order, and a thread
    // preempted between taking a task and logging it lets others pass).
    std::vector<int> Late;
    for (size_t P = 0; P < L.Started.size(); ++P)
      if (L.LightLeftAtStart[P] == 0)
        Late.push_back(L.Started[P]);
    std::vector<int> ByKey = Late;
    std::sort(ByKey.rbegin(), ByKey.rend());
    for (size_t P = 0; P < Late.size(); ++P) {
      size_t Rank = llvm::find(ByKey, Late[P]) - ByKey.begin();
      EXPECT_LE(std::max(P, Rank) - std::min(P, Rank), size_t(8))
          << "task " << Late[P] << " started at " << P;
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

TEST(SchedulerTest, ATaskPostponedLateStillRuns) {
  // A task postponed by a slow first-pass thread still runs, after it.
  Log L;
  Scheduler S(2);
  S.add([&](unsigned W, bool Defer) -> TaskStep {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return task(L, 1, /*Postpones=*/true)(W, Defer);
  });
  S.add(task(L, 2, false));
  S.finish();
  std::sort(L.Finished.begin(), L.Finished.end());
  EXPECT_EQ(L.Finished, (std::vector<int>{1, 2}));
  EXPECT_EQ(L.Started, std::vector<int>{1});
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
