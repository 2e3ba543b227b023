#include "libs/store/value.h"

#include <cmath>
#include <limits>

namespace wp::store {

int64_t Row::Int(int col) const {
  const Value& v = values_.at(col);
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  // Truncated toward zero, as SQLite's CAST does; NaN and values beyond the
  // range (a PostgreSQL NUMERIC can hold them) saturate instead of being
  // undefined behaviour.
  if (const auto* d = std::get_if<double>(&v)) {
    if (std::isnan(*d)) return 0;
    if (*d >= 9223372036854775807.0) return std::numeric_limits<int64_t>::max();
    if (*d <= -9223372036854775808.0) return std::numeric_limits<int64_t>::min();
    return static_cast<int64_t>(*d);
  }
  return 0;
}

double Row::Double(int col) const {
  const Value& v = values_.at(col);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  return 0;
}

std::string Row::Text(int col) const {
  const Value& v = values_.at(col);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  return "";
}

}  // namespace wp::store
