#include "services/westos/usage/xapi_statement.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "libs/status/field_errors.h"
#include "libs/text/bounded_text.h"
#include "libs/text/utf8.h"
#include "services/westos/usage/field_problems.h"
#include "services/westos/usage/quoted_text.h"

namespace wp::westos {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;
using Path = std::vector<absl::string_view>;
using Outcome = std::variant<UsageEvent, Voiding, XapiError>;

// Verb IRIs are echoed longer than other text: the operator copies them
// into the mapping.
constexpr size_t kMaxQuotedVerbBytes = 256;

std::optional<Struct> ParseObject(absl::string_view json) {
  Struct object;
  if (!google::protobuf::util::JsonStringToMessage(std::string(json), &object).ok()) {
    return std::nullopt;
  }
  return object;
}

bool IsNull(const Value* value) {
  return value == nullptr || value->kind_case() == Value::kNullValue;
}

// The value at `path` below `root`, or nullptr when a part is missing or
// not an object.
const Value* Find(const Struct& root, const Path& path) {
  const Struct* object = &root;
  const Value* value = nullptr;
  for (absl::string_view name : path) {
    if (object == nullptr) return nullptr;
    const auto it = object->fields().find(std::string(name));
    if (it == object->fields().end()) return nullptr;
    value = &it->second;
    object = value->kind_case() == Value::kStructValue ? &value->struct_value() : nullptr;
  }
  return value;
}

// The string at `path`, "" when absent or null; a value of another kind is
// a problem named `field`.
std::string StringAt(const Struct& root, const Path& path, absl::string_view field,
                     FieldProblems* problems) {
  const Value* value = Find(root, path);
  if (IsNull(value)) return "";
  if (value->kind_case() != Value::kStringValue) {
    problems->Add(field, "must be a string");
    return "";
  }
  return value->string_value();
}

// Sets *out from the string at `path` read by `parse`, or records why not.
template <typename T, typename Out>
void TakeString(const Struct& root, const Path& path, const std::string& field,
                absl::StatusOr<T> (*parse)(absl::string_view), Out* out, FieldProblems* problems) {
  const std::string text = StringAt(root, path, field, problems);
  if (problems->Has(field)) return;
  absl::StatusOr<T> parsed = parse(text);
  if (parsed.ok()) {
    *out = *std::move(parsed);
  } else {
    problems->AddParseError(parsed.status(), field);
  }
}

bool IsUuid(absl::string_view text) {
  if (text.size() != 36) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const bool ok = dash ? text[i] == '-' : absl::ascii_isxdigit(static_cast<unsigned char>(text[i]));
    if (!ok) return false;
  }
  return true;
}

std::string ExtensionField(absl::string_view key) {
  return absl::StrCat("context.extensions[\"", key, "\"]");
}

XapiError Invalid(const FieldProblems& problems) {
  return XapiError{XapiErrorKind::kInvalid, std::string(problems.ToStatus().message())};
}

// The statement's UUID, lower case; "" with a problem when it has none.
std::string StatementId(const Struct& statement, FieldProblems* problems) {
  const std::string id = StringAt(statement, {"id"}, "id", problems);
  if (problems->Has("id")) return "";
  if (id.empty()) {
    problems->Add("id", "is required: it tells a statement sent again from a new one");
  } else if (!IsUuid(id)) {
    problems->Add("id", absl::StrCat(Quoted(id), " is not a UUID"));
  }
  return problems->Has("id") ? "" : absl::AsciiStrToLower(id);
}

std::string ReportedId(const Struct& statement) {
  const Value* id = Find(statement, {"id"});
  if (IsNull(id) || id->kind_case() != Value::kStringValue) return "";
  if (IsUuid(id->string_value())) return absl::AsciiStrToLower(id->string_value());
  return text::Bounded(id->string_value(), kMaxIdBytes);
}

Outcome MapVoiding(const Struct& statement, FieldProblems* problems) {
  const std::string type = StringAt(statement, {"object", "objectType"}, "object.objectType", problems);
  const std::string target = StringAt(statement, {"object", "id"}, "object.id", problems);
  if (!problems->Has("object.objectType") && type != "StatementRef") {
    problems->Add("object.objectType", "must be StatementRef in a voiding statement");
  }
  if (!problems->Has("object.id") && !IsUuid(target)) {
    problems->Add("object.id", absl::StrCat(Quoted(target), " is not the UUID of a statement"));
  }
  if (!problems->empty()) return Invalid(*problems);
  return Voiding{absl::AsciiStrToLower(target)};
}

// The actor's pseudonymous id; *field is where it came from (or what is wrong).
std::string MapActor(const Struct& statement, FieldProblems* problems, std::string* field) {
  if (!IsNull(Find(statement, {"actor", "mbox"}))) {
    *field = "actor.mbox";
    problems->Add(*field, "is an email address: send account.name, mbox_sha1sum or openid "
                          "instead (only pseudonymous ids are taken)");
    return "";
  }
  const std::pair<Path, absl::string_view> kSources[] = {
      {{"actor", "account", "name"}, "actor.account.name"},
      {{"actor", "mbox_sha1sum"}, "actor.mbox_sha1sum"},
      {{"actor", "openid"}, "actor.openid"},
  };
  for (const auto& [path, name] : kSources) {
    *field = std::string(name);
    const std::string id = StringAt(statement, path, name, problems);
    if (problems->Has(name) || !id.empty()) return id;
  }
  *field = "actor";
  problems->Add(*field, "has no account.name, mbox_sha1sum or openid");
  return "";
}

std::string MapContentId(const Struct& statement, const std::string& prefix, FieldProblems* problems) {
  const std::string id = StringAt(statement, {"object", "id"}, "object.id", problems);
  if (problems->Has("object.id")) return "";
  if (id.empty()) {
    problems->Add("object.id", "is required");
    return "";
  }
  if (!absl::StartsWith(id, prefix) || id.size() == prefix.size()) {
    problems->Add("object.id", absl::StrCat(Quoted(id), " is not ", Quoted(prefix, kMaxQuotedVerbBytes),
                                            " followed by a content id"));
    return "";
  }
  return id.substr(prefix.size());
}

int64_t UnitSeconds(char unit, bool in_time) {
  switch (unit) {
    case 'W': return 7 * 86400;
    case 'D': return 86400;
    case 'H': return 3600;
    case 'M': return in_time ? 60 : 0;
    default: return 1;  // 'S'
  }
}

// An ISO 8601 duration ("PT1M30.5S", "P1DT2H", "P2W") in whole seconds,
// rounded down; nullopt for other text. Years and months (P1Y, P1M) are
// refused: their length in seconds varies.
std::optional<int64_t> DurationSeconds(absl::string_view text) {
  if (text.size() < 3 || text[0] != 'P') return std::nullopt;
  constexpr absl::string_view kDateUnits = "WD";
  constexpr absl::string_view kTimeUnits = "HMS";
  bool in_time = false;
  size_t next_unit = 0;  // components come in order, each once
  int64_t total = 0;
  size_t pos = 1;
  while (pos < text.size()) {
    if (text[pos] == 'T') {
      if (in_time || pos + 1 == text.size()) return std::nullopt;
      in_time = true;
      next_unit = 0;
      ++pos;
      continue;
    }
    const size_t start = pos;
    int64_t number = 0;
    // Nine digits at most, so no sum can overflow.
    for (; pos < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[pos])); ++pos) {
      if (pos - start == 9) return std::nullopt;
      number = number * 10 + (text[pos] - '0');
    }
    if (pos == start) return std::nullopt;
    const bool fraction = pos < text.size() && (text[pos] == '.' || text[pos] == ',');
    if (fraction) {
      const size_t digits = ++pos;
      while (pos < text.size() && absl::ascii_isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      if (pos == digits) return std::nullopt;
    }
    if (pos >= text.size()) return std::nullopt;
    const absl::string_view units = in_time ? kTimeUnits : kDateUnits;
    const size_t unit = units.find(text[pos], next_unit);
    if (unit == absl::string_view::npos || (fraction && text[pos] != 'S')) return std::nullopt;
    total += number * UnitSeconds(text[pos], in_time);  // a fraction of a second is dropped
    next_unit = unit + 1;
    ++pos;
  }
  return total;
}

int64_t MapDuration(const Struct& statement, FieldProblems* problems) {
  const std::string duration = StringAt(statement, {"result", "duration"}, "result.duration", problems);
  if (duration.empty()) return 0;
  const std::optional<int64_t> seconds = DurationSeconds(duration);
  if (!seconds.has_value()) {
    problems->Add("result.duration",
                  absl::StrCat(Quoted(duration), " is not an ISO 8601 duration like PT1M30.5S "
                                                 "(years and months are not taken)"));
    return 0;
  }
  return *seconds;
}

// A JSON number that must be a whole number from `min` to `max`.
std::optional<int> WholeNumber(const Value& value, int min, int max, absl::string_view field,
                               FieldProblems* problems) {
  if (value.kind_case() != Value::kNumberValue) {
    problems->Add(field, "must be a number");
    return std::nullopt;
  }
  const double number = value.number_value();
  if (!(number >= min && number <= max) || number != std::floor(number)) {
    problems->Add(field, absl::StrCat(number, " is not a whole number from ", min, " to ", max));
    return std::nullopt;
  }
  return static_cast<int>(number);
}

int MapRating(const Struct& statement, FieldProblems* problems) {
  const Value* raw = Find(statement, {"result", "score", "raw"});
  if (IsNull(raw)) return 0;
  return WholeNumber(*raw, 1, kMaxRating, "result.score.raw", problems).value_or(0);
}

// A number, or text as in the CSV export.
int MapSimd(const Struct& statement, const std::string& key, FieldProblems* problems) {
  const Value* value = Find(statement, {"context", "extensions", key});
  if (IsNull(value)) return 0;
  const std::string field = ExtensionField(key);
  if (value->kind_case() != Value::kStringValue) {
    return WholeNumber(*value, 0, kMaxSimd, field, problems).value_or(0);
  }
  absl::StatusOr<int> simd = ParseSimd(value->string_value());
  problems->AddParseError(simd.status(), field);
  return simd.value_or(0);
}

void MapContext(const Struct& statement, const XapiMapping::Extensions& keys, UsageEvent* event,
                FieldProblems* problems) {
  auto path = [](const std::string& key) { return Path{"context", "extensions", key}; };
  TakeString(statement, path(keys.role), ExtensionField(keys.role), ParseRole, &event->role, problems);
  TakeString(statement, path(keys.authority), ExtensionField(keys.authority), ParseAuthority,
             &event->authority, problems);
  event->establishment =
      StringAt(statement, path(keys.establishment), ExtensionField(keys.establishment), problems);
  TakeString(statement, path(keys.sector), ExtensionField(keys.sector), ParseSector, &event->sector,
             problems);
  event->simd = MapSimd(statement, keys.simd, problems);
}

// The statement's name for an event field, for ValidateUsageEvent's errors.
std::string XapiFieldOf(absl::string_view field, const XapiMapping& mapping,
                        const std::string& actor_field) {
  const XapiMapping::Extensions& keys = mapping.extensions;
  const std::pair<absl::string_view, std::string> kNames[] = {
      {"event_id", "id"},
      {"occurred_at", "timestamp"},
      {"user_id", actor_field},
      {"content_id", "object.id"},
      {"action", "verb.id"},
      {"seconds", "result.duration"},
      {"rating", "result.score.raw"},
      {"role", ExtensionField(keys.role)},
      {"authority", ExtensionField(keys.authority)},
      {"establishment", ExtensionField(keys.establishment)},
      {"sector", ExtensionField(keys.sector)},
      {"simd", ExtensionField(keys.simd)},
  };
  for (const auto& [event_field, name] : kNames) {
    if (event_field == field) return name;
  }
  return std::string(field);
}

// The action of the statement's verb; an outcome instead when the verb
// decides it (a voiding, an unknown verb).
std::optional<Outcome> MapVerb(const Struct& statement, const XapiMapping& mapping, UsageEvent* event,
                               FieldProblems* problems) {
  const std::string verb = StringAt(statement, {"verb", "id"}, "verb.id", problems);
  if (problems->Has("verb.id")) return std::nullopt;
  if (verb == kXapiVoidedVerb) return MapVoiding(statement, problems);
  if (verb.empty()) {
    problems->Add("verb.id", "is required");
    return std::nullopt;
  }
  const auto action = mapping.verbs.find(verb);
  if (action != mapping.verbs.end()) {
    event->action = action->second;
    return std::nullopt;
  }
  const std::string unknown =
      absl::StrCat("unknown verb ", Quoted(verb, kMaxQuotedVerbBytes), "; add it to the mapping");
  // Counted apart only when nothing else is wrong so far (a statement
  // without a usable id is invalid whatever its verb).
  if (problems->empty()) return XapiError{XapiErrorKind::kUnknownVerb, absl::StrCat("verb.id: ", unknown)};
  problems->Add("verb.id", unknown);
  return Invalid(*problems);
}

Outcome MapParsedStatement(const XapiMapping& mapping, const Struct& statement, absl::Time now) {
  FieldProblems problems;
  UsageEvent event;
  event.event_id = StatementId(statement, &problems);
  if (std::optional<Outcome> decided = MapVerb(statement, mapping, &event, &problems)) return *decided;
  std::string actor_field;
  event.user_id = MapActor(statement, &problems, &actor_field);
  event.content_id = MapContentId(statement, mapping.content_id_prefix, &problems);
  TakeString(statement, {"timestamp"}, "timestamp", ParseOccurredAt, &event.occurred_at, &problems);
  event.seconds = MapDuration(statement, &problems);
  event.rating = MapRating(statement, &problems);
  MapContext(statement, mapping.extensions, &event, &problems);
  problems.AddRuleErrors(ValidateUsageEvent(event, now), [&](absl::string_view field) {
    return XapiFieldOf(field, mapping, actor_field);
  });
  if (!problems.empty()) return Invalid(problems);
  return event;
}

// The exact text of each element of a JSON array. Only strings and nesting
// are followed, to find where each element ends; each is parsed on its own
// afterwards, so one malformed statement spoils only itself.
absl::StatusOr<std::vector<absl::string_view>> SplitJsonArray(absl::string_view text) {
  if (!absl::StartsWith(text, "[")) {
    return absl::InvalidArgumentError("statements: the text is neither a JSON object nor a JSON array");
  }
  std::vector<absl::string_view> elements;
  size_t start = 1;
  int depth = 0;
  bool in_string = false;
  auto element_until = [&](size_t end) {
    return absl::StripAsciiWhitespace(text.substr(start, end - start));
  };
  for (size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      if (element_until(i).empty()) break;  // "[,", ",,"
      if (elements.size() == kMaxXapiStatementsPerCall) {
        return absl::InvalidArgumentError(absl::StrCat(
            "statements: more than ", kMaxXapiStatementsPerCall, " in one call; send smaller batches"));
      }
      elements.push_back(element_until(i));
      start = i + 1;
    } else if (c == ']') {
      const absl::string_view last = element_until(i);
      const bool closed_well = !last.empty() || elements.empty();  // not "[1,]"
      if (!closed_well || !absl::StripAsciiWhitespace(text.substr(i + 1)).empty()) break;
      if (!last.empty()) elements.push_back(last);
      if (elements.size() > kMaxXapiStatementsPerCall) {
        return absl::InvalidArgumentError(absl::StrCat(
            "statements: more than ", kMaxXapiStatementsPerCall, " in one call; send smaller batches"));
      }
      return elements;
    } else if (c == '}') {
      break;
    }
  }
  return absl::InvalidArgumentError("statements: the JSON array is malformed or not closed");
}

// Where an unknown setting `name` is: "extensions.colour" for a plain word,
// else quoted as verbs are (extensions["a b"], [""] at the top), so the
// error names a place and echoes no control character.
std::string SettingField(absl::string_view parent, absl::string_view name) {
  const bool word = !name.empty() && name.size() <= kMaxQuotedBytes &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                      return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                    });
  if (!word) return absl::StrCat(parent, "[", Quoted(name), "]");
  return parent.empty() ? std::string(name) : absl::StrCat(parent, ".", name);
}

// Every setting the mapping reads; any other is a typo.
void CheckSettingNames(const Struct& object, const std::vector<absl::string_view>& known,
                       absl::string_view parent, FieldViolations* v) {
  std::vector<std::string> names;
  for (const auto& entry : object.fields()) names.push_back(entry.first);
  std::sort(names.begin(), names.end());  // protobuf maps have no order
  for (const std::string& name : names) {
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      v->Add(SettingField(parent, name), "is not a setting of the xAPI mapping");
    }
  }
}

std::string RequiredSetting(const Struct& object, absl::string_view name, absl::string_view field,
                            FieldViolations* v) {
  const Value* value = Find(object, {name});
  if (IsNull(value) || value->kind_case() != Value::kStringValue || value->string_value().empty()) {
    v->Add(field, "must be a non-empty string");
    return "";
  }
  return value->string_value();
}

void ReadVerbs(const Struct& root, XapiMapping* mapping, FieldViolations* v) {
  const Value* verbs = Find(root, {"verbs"});
  if (IsNull(verbs) || verbs->kind_case() != Value::kStructValue || verbs->struct_value().fields().empty()) {
    v->Add("verbs", "must map at least one verb IRI to an action");
    return;
  }
  std::vector<std::string> iris;
  for (const auto& entry : verbs->struct_value().fields()) iris.push_back(entry.first);
  std::sort(iris.begin(), iris.end());
  for (const std::string& iri : iris) {
    const std::string field = absl::StrCat("verbs[", Quoted(iri, kMaxQuotedVerbBytes), "]");
    if (iri.empty() || iri == kXapiVoidedVerb) {
      v->Add(field, iri.empty() ? "has no verb IRI" : "voiding is handled by the mapper, not mapped");
      continue;
    }
    const std::string action = RequiredSetting(verbs->struct_value(), iri, field, v);
    absl::StatusOr<Action> parsed = ParseAction(action);
    if (parsed.ok()) {
      mapping->verbs.emplace(iri, *parsed);
    } else if (!action.empty()) {
      for (const FieldViolation& f : FieldViolationsOf(parsed.status())) v->Add(field, f.description);
    }
  }
}

void ReadExtensions(const Struct& root, XapiMapping* mapping, FieldViolations* v) {
  const Value* extensions = Find(root, {"extensions"});
  if (IsNull(extensions) || extensions->kind_case() != Value::kStructValue) {
    v->Add("extensions", "must be an object naming the extension of each event field");
    return;
  }
  const Struct& object = extensions->struct_value();
  CheckSettingNames(object, {"role", "authority", "establishment", "sector", "simd"},
                    "extensions", v);
  XapiMapping::Extensions& keys = mapping->extensions;
  keys.role = RequiredSetting(object, "role", "extensions.role", v);
  keys.authority = RequiredSetting(object, "authority", "extensions.authority", v);
  keys.establishment = RequiredSetting(object, "establishment", "extensions.establishment", v);
  keys.sector = RequiredSetting(object, "sector", "extensions.sector", v);
  keys.simd = RequiredSetting(object, "simd", "extensions.simd", v);
}

}  // namespace

absl::StatusOr<XapiMapping> ParseXapiMapping(absl::string_view json) {
  const std::optional<Struct> root = ParseObject(json);
  if (!root.has_value()) return absl::InvalidArgumentError("xAPI mapping: is not a JSON object");
  XapiMapping mapping;
  FieldViolations v;
  CheckSettingNames(*root, {"verbs", "content_id_prefix", "extensions"}, "", &v);
  ReadVerbs(*root, &mapping, &v);
  mapping.content_id_prefix = RequiredSetting(*root, "content_id_prefix", "content_id_prefix", &v);
  ReadExtensions(*root, &mapping, &v);
  if (absl::Status status = v.ToStatus(); !status.ok()) return status;
  return mapping;
}

XapiStatementResult MapXapiStatement(const XapiMapping& mapping, absl::string_view json,
                                     absl::Time now) {
  XapiStatementResult result;
  result.json = std::string(json);
  // Checked first: the text is stored as it is, and the store takes UTF-8.
  if (!text::IsValidUtf8(json)) {
    const size_t at = text::FirstInvalidUtf8(json);
    result.outcome = XapiError{XapiErrorKind::kInvalid,
                               absl::StrFormat("statement: is not UTF-8 text (byte 0x%02X at offset %d)",
                                               static_cast<unsigned char>(json[at]), at)};
    return result;
  }
  const std::optional<Struct> statement = ParseObject(json);
  if (!statement.has_value()) {
    result.outcome = XapiError{XapiErrorKind::kInvalid, "statement: is not a JSON object"};
    return result;
  }
  result.statement_id = ReportedId(*statement);
  result.outcome = MapParsedStatement(mapping, *statement, now);
  return result;
}

absl::StatusOr<std::vector<XapiStatementResult>> ParseXapiStatements(const XapiMapping& mapping,
                                                                     absl::string_view text,
                                                                     absl::Time now) {
  const absl::string_view body = absl::StripAsciiWhitespace(text);
  if (absl::StartsWith(body, "{")) {
    return std::vector<XapiStatementResult>{MapXapiStatement(mapping, body, now)};
  }
  absl::StatusOr<std::vector<absl::string_view>> statements = SplitJsonArray(body);
  if (!statements.ok()) return statements.status();
  std::vector<XapiStatementResult> results;
  results.reserve(statements->size());
  for (absl::string_view statement : *statements) {
    results.push_back(MapXapiStatement(mapping, statement, now));
  }
  return results;
}

}  // namespace wp::westos
