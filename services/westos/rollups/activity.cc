#include "services/westos/rollups/activity.h"

namespace wp::westos {
namespace {

template <typename Set, typename T>
bool Allows(const Set& set, T value) {
  return set.empty() || set.contains(value);
}

}  // namespace

void Counts::Add(const ActivityRow& row) {
  switch (row.action) {
    case 1: ++views; break;
    case 2: ++plays; break;
    case 3: ++completions; break;
    case 4:
      ++ratings;
      if (row.rating >= 4) ++positive_ratings;
      break;
    default: break;
  }
  seconds += row.seconds;
}

void Counts::Add(const Counts& o) {
  views += o.views;
  plays += o.plays;
  completions += o.completions;
  ratings += o.ratings;
  positive_ratings += o.positive_ratings;
  seconds += o.seconds;
}

bool CodedFilter::Matches(const Dimensions& d) const {
  return !no_content && Allows(authorities, d.authority) && Allows(sectors, d.sector) &&
         Allows(roles, d.role) && Allows(simds, d.simd) && Allows(contents, d.content);
}

int CodedFilter::PersonConstraints() const {
  return !authorities.empty() + !sectors.empty() + !roles.empty() + !simds.empty();
}

}  // namespace wp::westos
