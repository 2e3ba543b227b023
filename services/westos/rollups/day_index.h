// One day's usage, indexed for exact queries: the figures per combination of
// dimensions, and the people (user numbers, as compressed bitmaps) per value
// of each dimension. Built once from the day's stored events and kept while
// the day does not change, so a query's cost follows the days and slices it
// covers, not the number of events behind them.
//
// Distinct people are exact. A person is counted when at least one of their
// events matches every constrained dimension. The bitmaps per dimension
// value answer that directly for one dimension; for several, intersecting
// them is exact for every person whose authority, sector, role and SIMD were
// the same in all of that day's events (true of nearly everyone: they
// describe the person's establishment). The few whose events differed in
// these that day are "mixed": they are taken out of the intersection and
// checked one event combination at a time.
//
// Thread-safety: immutable after Build; safe to share between threads.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_H_
#define WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "roaring/roaring.hh"
#include "services/westos/rollups/activity.h"

namespace wp::westos {

class DayIndex {
 public:
  static DayIndex Build(const std::vector<ActivityRow>& rows);

  // The people with at least one event matching `filter` this day.
  Roaring People(const CodedFilter& filter) const;

  // Adds the figures of this day's events matching `filter` to `sum`.
  void AddCounts(const CodedFilter& filter, Counts& sum) const;

  // Calls fn(dims, counts) for each combination of dimensions seen this day;
  // without `with_content`, of the person's dimensions only (dims.content is
  // then 0): tens of combinations a day instead of tens of thousands.
  template <typename Fn>
  void ForEachCombination(bool with_content, Fn fn) const {
    for (const auto& [dims, counts] : with_content ? combinations_ : person_combinations_) fn(dims, counts);
  }

  int64_t events() const { return events_; }
  // Approximate bytes held, for the cache's budget.
  size_t bytes() const { return bytes_; }

 private:
  // The person's dimension values a bitmap is keyed by: dimension tag in the
  // high byte, value below.
  enum Tag : uint32_t { kAuthority = 1, kSector = 2, kRole = 3, kSimd = 4 };
  static uint32_t Key(Tag tag, uint32_t value) { return tag << 24 | value; }

  // Union over the allowed values of one dimension (all people when none).
  Roaring PeopleWithAny(Tag tag, const absl::flat_hash_set<uint8_t>& values) const;
  Roaring PeopleWithContent(const absl::flat_hash_set<uint32_t>& contents) const;

  int64_t events_ = 0;
  size_t bytes_ = 0;
  Roaring everyone_;
  absl::flat_hash_map<uint32_t, Roaring> by_person_value_;
  absl::flat_hash_map<uint32_t, Roaring> by_content_;
  absl::flat_hash_map<Dimensions, Counts> combinations_;
  // combinations_ summed over content: what most queries need.
  absl::flat_hash_map<Dimensions, Counts> person_combinations_;
  // Mixed people and, for each, every combination of dimensions they had.
  Roaring mixed_;
  std::vector<std::pair<uint32_t, Dimensions>> mixed_combinations_;
};

// A day's index with its day number (days since 1970-01-01).
struct IndexedDay {
  int32_t day = 0;
  std::shared_ptr<const DayIndex> index;
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_DAY_INDEX_H_
