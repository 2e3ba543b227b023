#include "libs/store/replay_watch.h"

#include "gtest/gtest.h"

namespace wp::store {
namespace {

TEST(ReplayWatchTest, AFreshWatchHasSeenNoReplay) {
  ReplayWatch watch;
  EXPECT_FALSE(watch.replayed());
  EXPECT_EQ(watch.replay_of(), "");
}

TEST(ReplayWatchTest, KeepsTheFirstReplayNoted) {
  ReplayWatch watch;
  NoteReplay("plans/p/budgetLines/a/movements/4");
  NoteReplay("plans/p/budgetLines/b/movements/9");
  EXPECT_TRUE(watch.replayed());
  EXPECT_EQ(watch.replay_of(), "plans/p/budgetLines/a/movements/4");
}

TEST(ReplayWatchTest, ANoteOutsideAnyWatchIsIgnored) {
  NoteReplay("people/x");  // an event consumer's replay: nobody to tell
  ReplayWatch watch;
  EXPECT_FALSE(watch.replayed());
}

TEST(ReplayWatchTest, NestedWatchesRestoreTheOuterOne) {
  ReplayWatch outer;
  {
    ReplayWatch inner;
    NoteReplay("people/inner");
    EXPECT_EQ(inner.replay_of(), "people/inner");
  }
  EXPECT_FALSE(outer.replayed());
  NoteReplay("people/outer");
  EXPECT_EQ(outer.replay_of(), "people/outer");
}

TEST(ReplayWatchTest, KeepsTheValueFitForMetadata) {
  ReplayWatch watch;
  NoteReplay("people/a\nb\xc3\xa9");
  EXPECT_EQ(watch.replay_of(), "people/a?b??");
}

}  // namespace
}  // namespace wp::store
