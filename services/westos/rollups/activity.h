// What the rollups know of one stored usage event: its dimensions as small
// integer codes (see services/westos/ingest/dimension_codes.h) and its
// figures. Distinct users are counted over dense user numbers, so sets of
// people are compressed bitmaps (CRoaring) rather than sets of ids.
#ifndef WP_SERVICES_WESTOS_ROLLUPS_ACTIVITY_H_
#define WP_SERVICES_WESTOS_ROLLUPS_ACTIVITY_H_

#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_set.h"

namespace wp::westos {

// The dimensions a filter or a split can name. Authority, sector, role and
// SIMD describe the person (through their establishment); content describes
// what they used, and subject and level are attributes of the content.
struct Dimensions {
  uint8_t authority = 0;  // 1..8 (libs/region order), 0 never stored
  uint8_t sector = 0;     // Sector enum, 0 unknown
  uint8_t role = 0;       // Role enum
  uint8_t simd = 0;       // 1..5, 0 unknown
  uint32_t content = 0;   // content_num

  bool SamePerson(const Dimensions& o) const {
    return authority == o.authority && sector == o.sector && role == o.role && simd == o.simd;
  }
  bool operator==(const Dimensions& o) const { return SamePerson(o) && content == o.content; }
  template <typename H>
  friend H AbslHashValue(H h, const Dimensions& d) {
    return H::combine(std::move(h), d.authority, d.sector, d.role, d.simd, d.content);
  }
};

struct ActivityRow {
  uint32_t user = 0;  // user_num
  Dimensions dims;
  uint8_t action = 0;  // Action enum: 1 view, 2 play, 3 complete, 4 rate
  int64_t seconds = 0;
  uint8_t rating = 0;  // 0 none, 1..5
};

struct Counts {
  int64_t views = 0;
  int64_t plays = 0;
  int64_t completions = 0;
  int64_t ratings = 0;
  int64_t positive_ratings = 0;  // ratings of 4 or 5
  int64_t seconds = 0;

  void Add(const ActivityRow& row);
  void Add(const Counts& other);
  bool operator==(const Counts& o) const {
    return views == o.views && plays == o.plays && completions == o.completions && ratings == o.ratings &&
           positive_ratings == o.positive_ratings && seconds == o.seconds;
  }
};

// Which events a query counts: each dimension with allowed codes must match
// one of them; an empty set allows every value. Subject, level and content
// filters arrive here already resolved to the content numbers they allow.
struct CodedFilter {
  absl::flat_hash_set<uint8_t> authorities;
  absl::flat_hash_set<uint8_t> sectors;
  absl::flat_hash_set<uint8_t> roles;
  absl::flat_hash_set<uint8_t> simds;
  absl::flat_hash_set<uint32_t> contents;
  // True when the content filter matched no content at all: nothing matches.
  bool no_content = false;

  bool Matches(const Dimensions& d) const;
  // Dimensions of the person that are constrained.
  int PersonConstraints() const;
  bool ConstrainsContent() const { return no_content || !contents.empty(); }
};

}  // namespace wp::westos

#endif  // WP_SERVICES_WESTOS_ROLLUPS_ACTIVITY_H_
