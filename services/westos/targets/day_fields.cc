#include "services/westos/targets/day_fields.h"

#include "absl/strings/str_cat.h"
#include "libs/calendar/dates.h"
#include "libs/status/status_macros.h"

namespace wp::westos {

absl::StatusOr<absl::CivilDay> RequiredDay(const wp::common::v1::Date& date, absl::string_view field) {
  if (!calendar::IsSet(date)) return absl::InvalidArgumentError(absl::StrCat(field, ": is required"));
  WP_RETURN_IF_ERROR(calendar::Validate(date, field, /*allow_month_only=*/false));
  return calendar::LastDayCovered(date);
}

absl::StatusOr<absl::CivilDay> StoredDay(const std::string& text) {
  std::optional<wp::common::v1::Date> date = calendar::FromIsoText(text);
  if (!date.has_value()) return absl::InternalError(absl::StrCat("stored day \"", text, "\" is not a date"));
  return calendar::LastDayCovered(*date);
}

}  // namespace wp::westos
