#include "services/learning/catalogue/event_rules.h"

#include "gtest/gtest.h"
#include "libs/calendar/timestamps.h"
#include "libs/testing/domain_test_support.h"

namespace wp::learning {
namespace {

using test_support::FieldsOf;

const absl::Time kStart = absl::FromCivil(absl::CivilMinute(2026, 3, 10, 16, 0), absl::UTCTimeZone());

v1::LearningEvent Valid() {
  v1::LearningEvent event;
  event.set_title("Improving Our Classrooms: session 1");
  event.set_format(v1::COURSE_SESSION);
  event.set_delivery(v1::IN_PERSON);
  *event.mutable_start_time() = calendar::TimestampOf(kStart);
  *event.mutable_end_time() = calendar::TimestampOf(kStart + absl::Hours(2));
  event.set_capacity(30);
  event.add_sectors(v1::SECONDARY);
  event.add_sectors(v1::PRIMARY);
  return event;
}

TEST(EventRulesTest, AValidEventGetsItsCutoffFromTheStart) {
  v1::LearningEvent event = Valid();
  ASSERT_TRUE(CompleteEvent(event, "event.").ok());
  EXPECT_EQ(TimeOf(event.registration_cutoff()), kStart);
  EXPECT_EQ(EncodeSectors(event), "2,3");
  v1::LearningEvent decoded;
  DecodeSectors("2,3", decoded);
  ASSERT_EQ(decoded.sectors_size(), 2);
  EXPECT_EQ(decoded.sectors(0), v1::PRIMARY);
}

TEST(EventRulesTest, ReportsEveryBrokenRuleAtOnce) {
  v1::LearningEvent event;
  event.add_sectors(v1::PRIMARY);
  event.add_sectors(v1::PRIMARY);
  event.add_roles(static_cast<v1::PractitionerRole>(99));
  event.add_facilitators(" ");
  event.set_location("line one\nline two");
  event.set_programme("programmes/Not An Id");
  EXPECT_EQ(FieldsOf(CompleteEvent(event, "event.")),
            (std::vector<std::string>{"event.title", "event.programme", "event.format", "event.delivery",
                                      "event.sectors[1]", "event.roles[0]", "event.start_time", "event.end_time",
                                      "event.capacity", "event.facilitators[0]", "event.location"}));
}

TEST(EventRulesTest, TimesMustBeInOrderAndInRange) {
  v1::LearningEvent backwards = Valid();
  *backwards.mutable_end_time() = calendar::TimestampOf(kStart - absl::Minutes(1));
  EXPECT_EQ(FieldsOf(CompleteEvent(backwards, "")), std::vector<std::string>{"end_time"});

  v1::LearningEvent too_long = Valid();
  *too_long.mutable_end_time() = calendar::TimestampOf(kStart + absl::Hours(24 * 15));
  EXPECT_EQ(FieldsOf(CompleteEvent(too_long, "")), std::vector<std::string>{"end_time"});

  v1::LearningEvent late_cutoff = Valid();
  *late_cutoff.mutable_registration_cutoff() = calendar::TimestampOf(kStart + absl::Minutes(1));
  EXPECT_EQ(FieldsOf(CompleteEvent(late_cutoff, "")), std::vector<std::string>{"registration_cutoff"});

  v1::LearningEvent ancient = Valid();
  ancient.mutable_start_time()->set_seconds(100);
  EXPECT_EQ(FieldsOf(CompleteEvent(ancient, "")), std::vector<std::string>{"start_time"});

  v1::LearningEvent bad_nanos = Valid();
  bad_nanos.mutable_start_time()->set_nanos(-5);
  EXPECT_EQ(FieldsOf(CompleteEvent(bad_nanos, "")), std::vector<std::string>{"start_time"});

  v1::LearningEvent huge = Valid();
  huge.set_capacity(100001);
  EXPECT_EQ(FieldsOf(CompleteEvent(huge, "")), std::vector<std::string>{"capacity"});
}

TEST(EventRulesTest, MovesInTimeOnlyForTimes) {
  v1::LearningEvent before = Valid();
  ASSERT_TRUE(CompleteEvent(before, "").ok());
  v1::LearningEvent retitled = before;
  retitled.set_title("New title");
  retitled.set_capacity(40);
  EXPECT_FALSE(MovesInTime(before, retitled));
  v1::LearningEvent moved = before;
  *moved.mutable_start_time() = calendar::TimestampOf(kStart + absl::Hours(1));
  EXPECT_TRUE(MovesInTime(before, moved));
}

}  // namespace
}  // namespace wp::learning
