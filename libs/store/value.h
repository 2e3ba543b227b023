// Values bound to SQL parameters and read from result rows.
//
// Plain data, no engine types, so service code stays portable between
// SQLite and (later) PostgreSQL. Thread-compatible.
#ifndef WP_LIBS_STORE_VALUE_H_
#define WP_LIBS_STORE_VALUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace wp::store {

// Bytes stored as BLOB (bytea) rather than TEXT.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::monostate, int64_t, double, std::string, Blob>;

// A NULL when absent.
template <typename T>
Value OrNull(const std::optional<T>& v) {
  return v.has_value() ? Value(*v) : Value();
}

// One result row. Column access by position, in SELECT order.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  bool IsNull(int col) const { return std::holds_alternative<std::monostate>(values_.at(col)); }
  // NULL reads as 0 / "" so callers check IsNull only where it matters.
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;  // TEXT or BLOB bytes
  size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

}  // namespace wp::store

#endif  // WP_LIBS_STORE_VALUE_H_
