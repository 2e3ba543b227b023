#include "services/westos/usage/usage_event.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "libs/digest/sha256.h"
#include "libs/fields/field_checks.h"
#include "libs/region/authorities.h"
#include "libs/status/field_errors.h"
#include "services/westos/usage/quoted_text.h"

namespace wp::westos {
namespace {

constexpr absl::string_view kDigestPrefix = "wp.westos.UsageEvent.v1";
constexpr absl::string_view kTimeFormat = "%Y-%m-%dT%H:%M:%E*SZ";
constexpr absl::string_view kTimeShape = "is not an ISO 8601 time like 2021-01-18T09:15:02Z";
constexpr Role kRoles[] = {Role::kLearner, Role::kTeacher, Role::kOther};
constexpr Action kActions[] = {Action::kView, Action::kPlay, Action::kComplete, Action::kRate};

absl::string_view Trimmed(absl::string_view text) { return absl::StripAsciiWhitespace(text); }

std::string FormatUtc(absl::Time t) { return absl::FormatTime(kTimeFormat, t, absl::UTCTimeZone()); }

void CheckOccurredAt(absl::Time t, absl::Time now, FieldViolations* v) {
  if (t < EarliestOccurredAt()) {
    v->Add("occurred_at", absl::StrCat(FormatUtc(t), " is before ", FormatUtc(EarliestOccurredAt())));
  } else if (t > now + kMaxClockSkew) {
    v->Add("occurred_at", absl::StrCat(FormatUtc(t), " is in the future (now is ", FormatUtc(now),
                                       ", check the source's clock)"));
  }
}

bool IsKnown(Role role) {
  for (Role r : kRoles) {
    if (r == role) return true;
  }
  return false;
}

bool IsKnown(Action action) {
  for (Action a : kActions) {
    if (a == action) return true;
  }
  return false;
}

bool IsKnown(Sector sector) {
  const int value = static_cast<int>(sector);
  return value >= static_cast<int>(Sector::kUnknown) && value <= static_cast<int>(Sector::kAsn);
}

void CheckRating(const UsageEvent& event, FieldViolations* v) {
  if (event.rating < 0 || event.rating > kMaxRating) {
    v->Add("rating", absl::StrCat(event.rating, " is not from 1 to 5 (or 0 for none)"));
  } else if (event.action == Action::kRate && event.rating == 0) {
    v->Add("rating", "is required (1 to 5) when the action is rate");
  }
}

// A whole number of at most `max`, written with digits only ("1.5", "-3",
// "+3" and "1e3" are refused); "" gives 0.
absl::StatusOr<int64_t> ParseCount(absl::string_view field, absl::string_view text, int64_t max) {
  const absl::string_view digits = Trimmed(text);
  if (digits.empty()) return 0;
  int64_t value = 0;
  const bool all_digits = digits.find_first_not_of("0123456789") == absl::string_view::npos;
  // 18 digits cannot overflow; longer text is out of range anyway.
  if (!all_digits || digits.size() > 18 || !absl::SimpleAtoi(digits, &value) || value > max) {
    return InvalidField(field,
                        absl::StrCat(Quoted(text), " is not a whole number from 0 to ", max));
  }
  return value;
}

// text[pos, pos + n) as a number, when all of it is digits.
bool DigitsAt(absl::string_view text, size_t pos, size_t n, int* out) {
  if (pos + n > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(text[i]))) return false;
    value = value * 10 + (text[i] - '0');
  }
  *out = value;
  return true;
}

// "Z", or "+hh:mm" / "-hh:mm" east of UTC.
bool ParseUtcOffset(absl::string_view text, absl::Duration* offset) {
  if (text == "Z" || text == "z") {
    *offset = absl::ZeroDuration();
    return true;
  }
  int hours = 0;
  int minutes = 0;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || !DigitsAt(text, 1, 2, &hours) ||
      text[3] != ':' || !DigitsAt(text, 4, 2, &minutes) || hours > 23 || minutes > 59) {
    return false;
  }
  *offset = (text[0] == '-' ? -1 : 1) * (absl::Hours(hours) + absl::Minutes(minutes));
  return true;
}

// ".250" after the seconds: microseconds, digits past the sixth dropped.
// Moves *pos past it; false for a dot without 1..9 digits.
bool ParseFraction(absl::string_view text, size_t* pos, int64_t* micros) {
  *micros = 0;
  if (*pos >= text.size() || text[*pos] != '.') return true;
  size_t digits = 0;
  for (++*pos; *pos < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[*pos]));
       ++*pos) {
    if (digits < 6) *micros = *micros * 10 + (text[*pos] - '0');
    ++digits;
  }
  for (size_t k = digits; k < 6; ++k) *micros *= 10;
  return digits >= 1 && digits <= 9;
}

void AppendBigEndian(uint64_t value, std::string* out) {
  char bytes[8];
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>((value >> (56 - 8 * i)) & 0xFF);
  out->append(bytes, sizeof bytes);
}

void AppendNumber(int64_t value, std::string* out) { AppendBigEndian(static_cast<uint64_t>(value), out); }

void AppendText(absl::string_view text, std::string* out) {
  AppendBigEndian(text.size(), out);
  out->append(text.data(), text.size());
}

}  // namespace

bool operator==(const UsageEvent& a, const UsageEvent& b) {
  return a.event_id == b.event_id && a.occurred_at == b.occurred_at && a.user_id == b.user_id &&
         a.role == b.role && a.authority == b.authority && a.establishment == b.establishment &&
         a.sector == b.sector && a.simd == b.simd && a.content_id == b.content_id &&
         a.action == b.action && a.seconds == b.seconds && a.rating == b.rating;
}

bool operator!=(const UsageEvent& a, const UsageEvent& b) { return !(a == b); }

absl::Time EarliestOccurredAt() { return absl::FromCivil(absl::CivilDay(2000, 1, 1), absl::UTCTimeZone()); }

absl::Status ValidateUsageEvent(const UsageEvent& event, absl::Time now) {
  FieldViolations v;
  fields::CheckUntrustedLine(event.event_id, "event_id", kMaxIdBytes, /*required=*/true, &v);
  CheckOccurredAt(event.occurred_at, now, &v);
  fields::CheckUntrustedLine(event.user_id, "user_id", kMaxIdBytes, /*required=*/true, &v);
  if (!IsKnown(event.role)) v.Add("role", "is required: learner, teacher or other");
  if (event.authority.empty()) {
    v.Add("authority", "is required");
  } else if (!region::IsAuthorityCode(event.authority)) {
    v.Add("authority", absl::StrCat(Quoted(event.authority), " is not an authority code"));
  }
  fields::CheckUntrustedLine(event.establishment, "establishment", kMaxEstablishmentBytes, /*required=*/false,
                             &v);
  if (!IsKnown(event.sector)) v.Add("sector", "is not a known sector");
  if (event.simd < 0 || event.simd > kMaxSimd) {
    v.Add("simd", absl::StrCat(event.simd, " is not from 1 to 5 (or 0 for unknown)"));
  }
  fields::CheckUntrustedLine(event.content_id, "content_id", kMaxIdBytes, /*required=*/true, &v);
  if (!IsKnown(event.action)) v.Add("action", "is required: view, play, complete or rate");
  if (event.seconds < 0 || event.seconds > kMaxSeconds) {
    v.Add("seconds", absl::StrCat(event.seconds, " is not from 0 to ", kMaxSeconds));
  }
  CheckRating(event, &v);
  return v.ToStatus();
}

uint64_t UsageEventDigest(const UsageEvent& event) {
  std::string in;
  in.reserve(256 + event.event_id.size() + event.user_id.size() + event.content_id.size());
  in.append(kDigestPrefix.data(), kDigestPrefix.size());
  AppendText(event.event_id, &in);
  AppendNumber(absl::ToUnixMicros(event.occurred_at), &in);
  AppendText(event.user_id, &in);
  AppendNumber(static_cast<int>(event.role), &in);
  AppendText(event.authority, &in);
  AppendText(event.establishment, &in);
  AppendNumber(static_cast<int>(event.sector), &in);
  AppendNumber(event.simd, &in);
  AppendText(event.content_id, &in);
  AppendNumber(static_cast<int>(event.action), &in);
  AppendNumber(event.seconds, &in);
  AppendNumber(event.rating, &in);
  return digest::Sha256Prefix64(in);
}

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kLearner: return "learner";
    case Role::kTeacher: return "teacher";
    case Role::kOther: return "other";
  }
  return "invalid";
}

absl::string_view SectorName(Sector sector) {
  switch (sector) {
    case Sector::kUnknown: return "unknown";
    case Sector::kEarlyYears: return "early_years";
    case Sector::kPrimary: return "primary";
    case Sector::kSecondary: return "secondary";
    case Sector::kAsn: return "asn";
  }
  return "invalid";
}

absl::string_view ActionName(Action action) {
  switch (action) {
    case Action::kView: return "view";
    case Action::kPlay: return "play";
    case Action::kComplete: return "complete";
    case Action::kRate: return "rate";
  }
  return "invalid";
}

absl::StatusOr<Role> ParseRole(absl::string_view text) {
  const absl::string_view word = Trimmed(text);
  if (word.empty()) return InvalidField("role", "is required");
  for (Role role : kRoles) {
    if (absl::EqualsIgnoreCase(word, RoleName(role))) return role;
  }
  return InvalidField("role", absl::StrCat(Quoted(text), " is not one of learner, teacher, other"));
}

absl::StatusOr<Sector> ParseSector(absl::string_view text) {
  struct Word {
    absl::string_view word;
    Sector sector;
  };
  // "special" is what older exports call additional support needs (ASN).
  static constexpr Word kWords[] = {
      {"", Sector::kUnknown},           {"unknown", Sector::kUnknown},
      {"early years", Sector::kEarlyYears}, {"early_years", Sector::kEarlyYears},
      {"primary", Sector::kPrimary},    {"secondary", Sector::kSecondary},
      {"asn", Sector::kAsn},            {"special", Sector::kAsn},
  };
  const absl::string_view word = Trimmed(text);
  for (const Word& w : kWords) {
    if (absl::EqualsIgnoreCase(word, w.word)) return w.sector;
  }
  return InvalidField("sector", absl::StrCat(Quoted(text),
                                             " is not one of early years, primary, secondary, asn"));
}

absl::StatusOr<Action> ParseAction(absl::string_view text) {
  const absl::string_view word = Trimmed(text);
  if (word.empty()) return InvalidField("action", "is required");
  for (Action action : kActions) {
    if (absl::EqualsIgnoreCase(word, ActionName(action))) return action;
  }
  return InvalidField("action",
                      absl::StrCat(Quoted(text), " is not one of view, play, complete, rate"));
}

absl::StatusOr<std::string> ParseAuthority(absl::string_view text) {
  const absl::string_view word = Trimmed(text);
  if (word.empty()) return InvalidField("authority", "is required");
  for (const region::Authority& authority : region::kAuthorities) {
    if (absl::EqualsIgnoreCase(word, authority.code) || absl::EqualsIgnoreCase(word, authority.name)) {
      return std::string(authority.code);
    }
  }
  return InvalidField("authority", absl::StrCat(Quoted(text),
                                                " is not the code or name of an authority of the region"));
}

absl::StatusOr<absl::Time> ParseOccurredAt(absl::string_view text) {
  const absl::string_view t = Trimmed(text);
  if (t.empty()) return InvalidField("occurred_at", "is required");
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  const bool shape = t.size() >= 20 && DigitsAt(t, 0, 4, &year) && t[4] == '-' && DigitsAt(t, 5, 2, &month) &&
                     t[7] == '-' && DigitsAt(t, 8, 2, &day) && (t[10] == 'T' || t[10] == 't') &&
                     DigitsAt(t, 11, 2, &hour) && t[13] == ':' && DigitsAt(t, 14, 2, &minute) &&
                     t[16] == ':' && DigitsAt(t, 17, 2, &second);
  size_t pos = 19;
  int64_t micros = 0;
  absl::Duration offset;
  if (!shape || !ParseFraction(t, &pos, &micros) || !ParseUtcOffset(t.substr(pos), &offset)) {
    return InvalidField("occurred_at", absl::StrCat(Quoted(text), " ", kTimeShape));
  }
  // CivilSecond normalises 30 February to 1 March; a changed field means the
  // date did not exist.
  const absl::CivilSecond civil(year, month, day, hour, minute, second);
  if (civil.month() != month || civil.day() != day || civil.hour() != hour ||
      civil.minute() != minute || civil.second() != second) {
    return InvalidField("occurred_at", absl::StrCat(Quoted(text), " is not a real date and time"));
  }
  return absl::FromCivil(civil, absl::UTCTimeZone()) + absl::Microseconds(micros) - offset;
}

absl::StatusOr<int> ParseSimd(absl::string_view text) {
  absl::StatusOr<int64_t> simd = ParseCount("simd", text, kMaxSimd);
  if (!simd.ok()) return simd.status();
  return static_cast<int>(*simd);
}

absl::StatusOr<int64_t> ParseSeconds(absl::string_view text) {
  return ParseCount("seconds", text, kMaxSeconds);
}

absl::StatusOr<int> ParseRating(absl::string_view text) {
  absl::StatusOr<int64_t> rating = ParseCount("rating", text, kMaxRating);
  if (!rating.ok()) return rating.status();
  return static_cast<int>(*rating);
}

}  // namespace wp::westos
