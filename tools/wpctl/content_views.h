// The content catalogue and coverage targets as text: `content show|list`,
// the rows `content import` rejected, `coverage target list` and the
// `coverage report` table. Thread-safe: pure functions.
#ifndef WP_TOOLS_WPCTL_CONTENT_VIEWS_H_
#define WP_TOOLS_WPCTL_CONTENT_VIEWS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "wp/westos/v1/content.pb.h"

namespace wp::wpctl {

namespace content = ::wp::westos::v1;

// "commissioned", "uploaded", "published", any case; errors name --status.
absl::StatusOr<content::ContentStatus> ParseContentStatus(absl::string_view text);

std::string ContentItemText(const content::ContentItem& item);
// One line per item: id, status, subject, level, title.
std::string ContentListText(const google::protobuf::RepeatedPtrField<content::ContentItem>& items);
// "line 4 (bad-1): level: ..." per rejected row, then the counts.
std::string ContentImportText(const content::ImportContentItemsResponse& response);

std::string CoverageTargetsText(const google::protobuf::RepeatedPtrField<content::CoverageTarget>& targets);
// One line per target: state, subject, level, published/needed, uploaded,
// commissioned, deadline, days left; then the state counts and, for each
// target not met, why.
std::string CoverageReportText(const content::CoverageReport& report);

}  // namespace wp::wpctl

#endif  // WP_TOOLS_WPCTL_CONTENT_VIEWS_H_
