// Small value types shared by everything that handles plan items: a calendar
// date that may be known only to the month, and the four tracker statuses.
//
// Header-only and free of protos so that the tracker import/export, the store
// and the service can all use them; converting to and from the proto types is
// the service's job. Thread-safe: plain values and pure functions.
#ifndef WP_SERVICES_WORKSTREAMS_PLAN_ITEM_TYPES_H_
#define WP_SERVICES_WORKSTREAMS_PLAN_ITEM_TYPES_H_

#include <cstddef>
#include <string>
#include <tuple>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace wp::workstreams {

// A date with no time zone. day == 0 means only the month is known
// ("November 2018"), which trackers use a lot.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 0 = month precision, else 1..DaysInMonth
};

inline bool operator==(const CalendarDate& a, const CalendarDate& b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
inline bool operator!=(const CalendarDate& a, const CalendarDate& b) { return !(a == b); }
// Month-precision dates sort before every day of their month.
inline bool operator<(const CalendarDate& a, const CalendarDate& b) {
  return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

inline bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// 0 for a month outside 1..12.
inline int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// A real month (and day, unless day is 0). Says nothing about the year range.
inline bool IsValidDate(const CalendarDate& d) {
  if (d.month < 1 || d.month > 12) return false;
  return d.day == 0 || (d.day >= 1 && d.day <= DaysInMonth(d.year, d.month));
}

// A tracker ref "4.2": workstream number 4, task number 2. Real trackers have
// a few dozen tasks per workstream; the larger task range leaves room for
// regions that number tasks in hundreds.
inline constexpr int kMaxWorkstreamNumber = 99;
inline constexpr int kMaxTaskNumber = 9999;
struct PlanRef {
  int workstream = 0;
  int task = 0;
};

// Size limits of a plan item's text, the same through the API and an import.
// A plan_item event carries the item with all its notes, so notes per item
// are capped too: 100 notes of 4,000 bytes with a 200-byte author come to
// about 430 KB, well under NATS's default 1 MiB message limit even with the
// task and the event's envelope (200 notes would be about 860 KB: too close).
// Monthly notes over a three-year plan are 36.
inline constexpr size_t kMaxTaskBytes = 4000;
inline constexpr size_t kMaxLeadBytes = 200;
inline constexpr size_t kMaxNoteTextBytes = 4000;
inline constexpr size_t kMaxNoteAuthorBytes = 200;
inline constexpr int kMaxProgressNotesPerItem = 100;

enum class ItemStatus { kNotStarted, kOnTrack, kComplete, kSuperseded };

// The word written in exported trackers: "Not started", "On track",
// "Complete", "Superseded".
inline absl::string_view StatusWord(ItemStatus status) {
  switch (status) {
    case ItemStatus::kNotStarted: return "Not started";
    case ItemStatus::kOnTrack: return "On track";
    case ItemStatus::kComplete: return "Complete";
    case ItemStatus::kSuperseded: return "Superseded";
  }
  return "Not started";  // unreachable; keeps -Wreturn-type quiet
}

// A status as people type it into a spreadsheet: case-insensitive, trimmed,
// spaces and hyphens optional ("On-track", "Ontrack"). "In progress" counts as
// on track. INVALID_ARGUMENT "Status \"Delayed\" is not one of ..." otherwise.
inline absl::StatusOr<ItemStatus> ParseStatusWord(absl::string_view word) {
  // Letters only, lower case: "On - Track." -> "ontrack".
  std::string key;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (c >= 'a' && c <= 'z') key.push_back(c);
    else if (c != ' ' && c != '-' && c != '_' && c != '.' && c != '\t') key.push_back('?');
  }
  if (key == "complete" || key == "completed" || key == "done") return ItemStatus::kComplete;
  if (key == "ontrack" || key == "inprogress") return ItemStatus::kOnTrack;
  if (key == "notstarted" || key == "notyetstarted") return ItemStatus::kNotStarted;
  // "Superceded" is the usual misspelling; accepting it saves a rejection.
  if (key == "superseded" || key == "superceded") return ItemStatus::kSuperseded;

  // Quote the word as written, minus the surrounding blanks.
  size_t begin = 0, end = word.size();
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (begin < end && blank(word[begin])) ++begin;
  while (end > begin && blank(word[end - 1])) --end;
  if (begin == end) return absl::InvalidArgumentError("Status is empty");
  std::string message = "Status \"";
  message.append(word.data() + begin, end - begin);
  message += "\" is not one of Not started, On track, Complete, Superseded";
  return absl::InvalidArgumentError(message);
}

}  // namespace wp::workstreams

#endif  // WP_SERVICES_WORKSTREAMS_PLAN_ITEM_TYPES_H_
