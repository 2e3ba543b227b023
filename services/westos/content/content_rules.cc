#include "services/westos/content/content_rules.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/fields/field_checks.h"
#include "services/westos/content/levels.h"

namespace wp::westos {
namespace {

// The item's date fields in status order, with their names.
struct DateField {
  v1::ContentStatus status;
  const char* name;
  common::v1::Date* (v1::ContentItem::*mutable_date)();
  const common::v1::Date& (v1::ContentItem::*date)() const;
};
constexpr std::array<DateField, 3> kDateFields = {{
    {v1::COMMISSIONED, "commissioned_date", &v1::ContentItem::mutable_commissioned_date,
     &v1::ContentItem::commissioned_date},
    {v1::UPLOADED, "uploaded_date", &v1::ContentItem::mutable_uploaded_date, &v1::ContentItem::uploaded_date},
    {v1::PUBLISHED, "published_date", &v1::ContentItem::mutable_published_date, &v1::ContentItem::published_date},
}};

}  // namespace

std::string StatusName(v1::ContentStatus status) {
  if (status == v1::CONTENT_STATUS_UNSPECIFIED) return "UNCATALOGUED";
  return v1::ContentStatus_Name(status);
}

absl::Status CompleteItem(v1::ContentItem& item, absl::CivilDay today, absl::string_view prefix) {
  FieldViolations v;
  auto name = [&](absl::string_view field) { return absl::StrCat(prefix, field); };
  fields::CheckUntrustedLine(item.content_id(), name("content_id"), kMaxContentIdBytes, /*required=*/true, &v);
  fields::CheckUntrustedLine(item.title(), name("title"), kMaxTitleBytes, /*required=*/true, &v);
  item.set_subject(std::string(absl::StripAsciiWhitespace(item.subject())));
  fields::CheckUntrustedLine(item.subject(), name("subject"), kMaxSubjectBytes, /*required=*/true, &v);
  absl::StatusOr<std::string> level = ParseLevel(name("level"), item.level());
  if (level.ok()) {
    item.set_level(*level);
  } else {
    AddViolationsOf(level.status(), &v, name("level"));
  }
  if (!v1::Sector_IsValid(item.sector())) v.Add(name("sector"), absl::StrCat(item.sector(), " is not a sector"));
  if (item.status() == v1::CONTENT_STATUS_UNSPECIFIED) item.set_status(v1::COMMISSIONED);
  if (!v1::ContentStatus_IsValid(item.status())) {
    v.Add(name("status"), absl::StrCat(static_cast<int>(item.status()), " is not a status"));
    return v.ToStatus();
  }

  // Each date on its own first; only real ones take part in the rest.
  std::array<bool, 3> usable{};
  for (size_t i = 0; i < kDateFields.size(); ++i) {
    const DateField& f = kDateFields[i];
    const common::v1::Date& date = (item.*f.date)();
    if (!calendar::IsSet(date)) continue;
    if (absl::Status s = calendar::Validate(date, name(f.name), /*allow_month_only=*/false); !s.ok()) {
      AddViolationsOf(s, &v, name(f.name));
    } else if (f.status > item.status()) {
      v.Add(name(f.name), absl::StrCat("is set, but the status is ", StatusName(item.status())));
    } else if (calendar::LastDayCovered(date) > today) {
      v.Add(name(f.name), absl::StrCat(calendar::ToIsoText(date), " is after today (", calendar::DayText(today), ")"));
    } else {
      usable[i] = true;
    }
  }
  if (!v.empty()) return v.ToStatus();
  // From the item's status down: a missing date is the next status's day.
  absl::CivilDay next = today;
  for (size_t k = kDateFields.size(); k-- > 0;) {
    const DateField& f = kDateFields[k];
    if (f.status > item.status()) continue;
    if (!usable[k]) *(item.*f.mutable_date)() = calendar::FromCivilDay(next);
    next = calendar::LastDayCovered((item.*f.date)());
  }
  for (size_t k = 1; k < kDateFields.size(); ++k) {
    const DateField& earlier = kDateFields[k - 1];
    const DateField& later = kDateFields[k];
    if (later.status > item.status()) break;
    const absl::CivilDay a = calendar::LastDayCovered((item.*earlier.date)());
    const absl::CivilDay b = calendar::LastDayCovered((item.*later.date)());
    if (b < a) {
      v.Add(name(later.name), absl::StrCat(calendar::DayText(b), " is before the ", earlier.name, " (",
                                           calendar::DayText(a), ")"));
    }
  }
  return v.ToStatus();
}

absl::Status CheckStatusMove(v1::ContentStatus from, v1::ContentStatus to, absl::string_view field) {
  if (from != v1::CONTENT_STATUS_UNSPECIFIED && to != v1::CONTENT_STATUS_UNSPECIFIED && to < from) {
    return absl::FailedPreconditionError(absl::StrCat(field, ": cannot go back from ", StatusName(from), " to ",
                                                      StatusName(to), "; status only moves forward"));
  }
  return absl::OkStatus();
}

}  // namespace wp::westos
