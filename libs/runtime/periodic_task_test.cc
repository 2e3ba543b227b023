#include "libs/runtime/periodic_task.h"

#include <atomic>

#include "absl/time/clock.h"
#include "gtest/gtest.h"

namespace wp::runtime {
namespace {

TEST(PeriodicTaskTest, RunsAtStartThenEveryPeriodUntilStopped) {
  std::atomic<int> runs{0};
  PeriodicTask task("counting", absl::Milliseconds(5), [&] {
    ++runs;
    return runs.load() % 2 == 0 ? absl::InternalError("every other run fails") : absl::OkStatus();
  });
  task.Start();
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (runs.load() < 3 && absl::Now() < deadline) absl::SleepFor(absl::Milliseconds(1));
  task.Stop();
  const int after_stop = runs.load();
  EXPECT_GE(after_stop, 3) << "a failed run must not stop the task";
  absl::SleepFor(absl::Milliseconds(30));
  EXPECT_EQ(runs.load(), after_stop);
  task.Stop();  // twice is fine
}

}  // namespace
}  // namespace wp::runtime
