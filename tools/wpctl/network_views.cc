#include "tools/wpctl/network_views.h"

#include <algorithm>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

constexpr size_t kTitleWidth = 40;

}  // namespace

std::string KindWord(v1::NetworkKind kind) {
  if (kind == v1::NETWORK_KIND_UNSPECIFIED || !v1::NetworkKind_IsValid(kind)) return "-";
  std::string word = absl::AsciiStrToLower(v1::NetworkKind_Name(kind));
  std::replace(word.begin(), word.end(), '_', ' ');
  return word;
}

std::string NetworksText(const v1::ListNetworksResponse& response) {
  if (response.networks().empty()) return "no networks\n";
  Table table({{"NAME"}, {"TITLE"}, {"KIND"}, {"WORKSTREAM"}, {"MEETINGS", Align::kRight},
               {"LAST MEETING"}});
  for (const v1::Network& n : response.networks()) {
    table.AddRow({n.name(), Truncate(n.title(), kTitleWidth), KindWord(n.kind()),
                  n.owning_workstream(), absl::StrCat(n.meetings_held()),
                  DateText(n.last_meeting_date())});
  }
  return table.Render();
}

std::string NetworkText(const v1::Network& n) {
  std::string coordinators;
  for (const v1::Coordinator& c : n.coordinators()) {
    absl::StrAppend(&coordinators, coordinators.empty() ? "" : "\n", c.authority(), "  ", c.person());
  }
  std::string priorities;
  for (int i = 0; i < n.priorities_size(); ++i) {
    absl::StrAppend(&priorities, i == 0 ? "" : "\n", i + 1, ". ", n.priorities(i));
  }
  return FieldsText({{"name", n.name()},
                     {"title", n.title()},
                     {"kind", KindWord(n.kind())},
                     {"owning workstream", n.owning_workstream()},
                     {"coordinators", coordinators},
                     {"action plan", priorities},
                     {"meetings held", absl::StrCat(n.meetings_held())},
                     {"last meeting", DateText(n.last_meeting_date())},
                     {"created", TimeText(n.create_time())},
                     {"updated", TimeText(n.update_time())},
                     {"etag", n.etag()}});
}

}  // namespace wp::wpctl
