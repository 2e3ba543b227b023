#include "tools/wpctl/content_views.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "tools/wpctl/output.h"

namespace wp::wpctl {
namespace {

std::string StatusWord(content::ContentStatus status) {
  return EnumWord(content::ContentStatus_descriptor(), status);
}

std::string SectorWord(content::Sector sector) { return EnumWord(content::Sector_descriptor(), sector); }

std::string OrAny(const std::string& text) { return text.empty() ? "any" : text; }

}  // namespace

absl::StatusOr<content::ContentStatus> ParseContentStatus(absl::string_view text) {
  const std::string word = absl::AsciiStrToUpper(absl::StripAsciiWhitespace(text));
  content::ContentStatus status;
  if (content::ContentStatus_Parse(word, &status) && status != content::CONTENT_STATUS_UNSPECIFIED) return status;
  return absl::InvalidArgumentError(
      absl::StrCat("--status: \"", text, "\" is not commissioned, uploaded or published"));
}

std::string ContentItemText(const content::ContentItem& item) {
  return FieldsText({{"content id", item.content_id()},
                     {"title", item.title()},
                     {"subject", item.subject()},
                     {"level", item.level()},
                     {"sector", SectorWord(item.sector())},
                     {"status", StatusWord(item.status())},
                     {"commissioned", DateText(item.commissioned_date())},
                     {"uploaded", DateText(item.uploaded_date())},
                     {"published", DateText(item.published_date())},
                     {"updated", TimeText(item.update_time())},
                     {"etag", item.etag()}});
}

std::string ContentListText(const google::protobuf::RepeatedPtrField<content::ContentItem>& items) {
  Table table({{"content id"}, {"status"}, {"subject"}, {"level"}, {"title"}});
  for (const content::ContentItem& item : items) {
    table.AddRow({item.content_id(), StatusWord(item.status()), item.subject(), item.level(),
                  Truncate(item.title(), 60)});
  }
  return table.empty() ? "no content items\n" : table.Render();
}

std::string ContentImportText(const content::ImportContentItemsResponse& response) {
  std::string text;
  for (const content::ContentImportRow& row : response.rows()) {
    if (row.outcome() != content::ContentImportRow::REJECTED) continue;
    absl::StrAppend(&text, "line ", row.line(), " (", row.content_id().empty() ? "no id" : row.content_id(),
                    "): ", row.field().empty() ? "" : row.field() + ": ", OneLine(row.reason()), "\n");
  }
  absl::StrAppend(&text, "created ", response.created(), ", updated ", response.updated(), ", unchanged ",
                  response.unchanged(), ", rejected ", response.rejected(), "\n");
  return text;
}

std::string CoverageTargetsText(const google::protobuf::RepeatedPtrField<content::CoverageTarget>& targets) {
  Table table({{"target"}, {"subject"}, {"level"}, {"sector"}, {"needed", Align::kRight}, {"deadline"}, {"name"}});
  for (const content::CoverageTarget& t : targets) {
    table.AddRow({t.target_id(), t.subject(), OrAny(t.level()),
                  t.sector() == content::SECTOR_UNSPECIFIED ? "any" : SectorWord(t.sector()),
                  absl::StrCat(t.min_published()), DateText(t.deadline()), t.display_name()});
  }
  return table.empty() ? "no coverage targets\n" : table.Render();
}

std::string CoverageReportText(const content::CoverageReport& report) {
  Table table({{"state"},
               {"target"},
               {"subject"},
               {"level"},
               {"published", Align::kRight},
               {"uploaded", Align::kRight},
               {"commissioned", Align::kRight},
               {"deadline"},
               {"days left", Align::kRight}});
  std::string reasons;
  for (const content::TargetCoverage& t : report.targets()) {
    table.AddRow({EnumWord(content::CoverageState_descriptor(), t.state()), t.target().target_id(),
                  t.target().subject(), OrAny(t.target().level()),
                  absl::StrCat(t.counts().published(), "/", t.target().min_published()),
                  absl::StrCat(t.counts().uploaded()), absl::StrCat(t.counts().commissioned()),
                  DateText(t.target().deadline()), absl::StrCat(t.days_left())});
    if (t.state() != content::MET) absl::StrAppend(&reasons, "  ", t.target().target_id(), ": ", t.reason(), "\n");
  }
  std::string text = absl::StrCat("coverage as of ", DateText(report.as_of()), " (at risk within ",
                                  report.at_risk_days(), " days)\n");
  absl::StrAppend(&text, table.empty() ? "no coverage targets\n" : table.Render());
  absl::StrAppend(&text, "met ", report.met(), ", late ", report.late(), ", at risk ", report.at_risk(),
                  ", on track ", report.on_track(), "\n");
  if (!reasons.empty()) absl::StrAppend(&text, reasons);
  return text;
}

}  // namespace wp::wpctl
