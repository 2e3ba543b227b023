#include "libs/populations/school_session.h"

#include "absl/strings/str_format.h"

namespace wp::populations {

std::string SchoolSessionOf(absl::CivilDay day) {
  const int64_t first_year = day.month() >= 8 ? day.year() : day.year() - 1;
  return absl::StrFormat("%04d-%02d", first_year, (first_year + 1) % 100);
}

}  // namespace wp::populations
