// The demo catalogue covers every generated lesson, and its coverage
// targets, judged by the service's own rules, show every state.
#include "tools/demo/content_demo.h"

#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "libs/calendar/dates.h"
#include "services/westos/content/content_rules.h"
#include "services/westos/content/coverage.h"
#include "tools/demo/usage_generator.h"

namespace wp::demo {
namespace {

const absl::CivilDay kToday(2021, 2, 10);

std::vector<westos::CoverageItem> CoverageItemsOf(const std::string& csv, std::set<std::string>* ids) {
  std::vector<westos::CoverageItem> items;
  std::vector<std::string> lines = absl::StrSplit(csv, '\n', absl::SkipEmpty());
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> c = absl::StrSplit(lines[i], ',');
    EXPECT_EQ(c.size(), 9u) << lines[i];
    if (c.size() != 9) continue;
    ids->insert(c[0]);
    items.push_back({c[2], c[3], c[5] == "secondary" ? 3 : 2, c[6], c[7], c[8]});
  }
  return items;
}

TEST(ContentDemoTest, EveryGeneratedLessonIsCataloguedOnce) {
  std::set<std::string> ids;
  const std::vector<westos::CoverageItem> items = CoverageItemsOf(DemoCatalogueCsv(kToday), &ids);
  EXPECT_EQ(items.size(), 120u);
  EXPECT_EQ(ids.size(), 120u);
  for (int n = 1; n <= UsageSettings().content_items; ++n) EXPECT_EQ(ids.count(GeneratedContentId(n)), 1u) << n;
}

TEST(ContentDemoTest, EveryRowKeepsTheCataloguesRules) {
  std::vector<std::string> lines = absl::StrSplit(DemoCatalogueCsv(kToday), '\n', absl::SkipEmpty());
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> c = absl::StrSplit(lines[i], ',');
    ASSERT_EQ(c.size(), 9u);
    westos::v1::ContentItem item;
    item.set_content_id(c[0]);
    item.set_title(c[1]);
    item.set_subject(c[2]);
    item.set_level(c[3]);
    westos::v1::ContentStatus status = westos::v1::CONTENT_STATUS_UNSPECIFIED;
    ASSERT_TRUE(westos::v1::ContentStatus_Parse(absl::AsciiStrToUpper(c[4]), &status)) << c[4];
    item.set_status(status);
    for (const auto& [text, date] : {std::pair{c[6], item.mutable_commissioned_date()},
                                     std::pair{c[7], item.mutable_uploaded_date()},
                                     std::pair{c[8], item.mutable_published_date()}}) {
      if (!text.empty()) *date = *calendar::FromIsoText(text);
    }
    absl::Status s = westos::CompleteItem(item, kToday, "");
    EXPECT_TRUE(s.ok()) << lines[i] << ": " << s;
  }
}

TEST(ContentDemoTest, TheTargetsShowEveryState) {
  std::set<std::string> ids;
  const std::vector<westos::CoverageItem> items = CoverageItemsOf(DemoCatalogueCsv(kToday), &ids);
  const std::vector<westos::v1::CoverageTarget> targets = DemoCoverageTargets(kToday);
  EXPECT_EQ(targets.size(), 10u);
  std::map<westos::v1::CoverageState, int> states;
  bool met_late = false;
  for (const auto& target : targets) {
    const westos::v1::TargetCoverage c = westos::AssessTarget(target, items, kToday, westos::kDefaultAtRiskDays);
    ++states[c.state()];
    met_late |= c.state() == westos::v1::LATE && calendar::IsSet(c.met_date());
  }
  EXPECT_EQ(states[westos::v1::MET], 3);
  EXPECT_EQ(states[westos::v1::LATE], 2);
  EXPECT_EQ(states[westos::v1::AT_RISK], 2);
  EXPECT_EQ(states[westos::v1::ON_TRACK], 3);
  EXPECT_TRUE(met_late);
}

}  // namespace
}  // namespace wp::demo
