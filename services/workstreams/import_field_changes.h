// What a tracker import changed in a plan item, as short display text for
// the row's result ("status": "On track" -> "Complete"), so an officer sees
// each update without opening the item. Values longer than kMaxValueBytes
// are shortened.
// Thread-safe: pure functions.
#ifndef WP_SERVICES_WORKSTREAMS_IMPORT_FIELD_CHANGES_H_
#define WP_SERVICES_WORKSTREAMS_IMPORT_FIELD_CHANGES_H_

#include <cstddef>
#include <vector>

#include "wp/workstreams/v1/workstreams.pb.h"

namespace wp::workstreams {

inline constexpr size_t kMaxValueBytes = 80;

// One change per field ChangedFields() names, in its order, then
// progress_notes (the note counts before and after) when notes were added.
// Dates as 2019-06-30, or 2019-06 for a month; a missing value as "".
std::vector<v1::ImportFieldChange> DescribeChanges(const v1::PlanItem& before,
                                                   const v1::PlanItem& after, int notes_added);

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_IMPORT_FIELD_CHANGES_H_
