#include "services/westos/usage/xapi_statement.h"

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "libs/status/field_errors.h"

namespace wp::westos {
namespace {

using google::protobuf::Struct;
using google::protobuf::Value;
using ::testing::HasSubstr;

absl::Time Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
}

const absl::Time kNow = Utc(2021, 3, 1, 12);

constexpr char kMappingJson[] = R"json({
  "verbs": {"http://adlnet.gov/expapi/verbs/experienced": "view",
            "https://w3id.org/xapi/video/verbs/played": "play",
            "http://adlnet.gov/expapi/verbs/completed": "complete",
            "http://id.tincanapi.com/verb/rated": "rate"},
  "content_id_prefix": "https://content.example/lessons/",
  "extensions": {"role": "https://wp.example/xapi/role",
                 "authority": "https://wp.example/xapi/authority",
                 "establishment": "https://wp.example/xapi/establishment",
                 "sector": "https://wp.example/xapi/sector",
                 "simd": "https://wp.example/xapi/simd"}})json";

constexpr char kStatementJson[] = R"json({
  "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
  "actor": {"objectType": "Agent",
            "account": {"homePage": "https://platform.example", "name": "u-42"}},
  "verb": {"id": "https://w3id.org/xapi/video/verbs/played", "display": {"en-GB": "played"}},
  "object": {"objectType": "Activity", "id": "https://content.example/lessons/lesson-7"},
  "result": {"duration": "PT1M30.5S"},
  "context": {"extensions": {"https://wp.example/xapi/role": "learner",
                             "https://wp.example/xapi/authority": "Glasgow City",
                             "https://wp.example/xapi/establishment": "SCH123",
                             "https://wp.example/xapi/sector": "primary",
                             "https://wp.example/xapi/simd": 3}},
  "timestamp": "2021-01-18T09:15:02.250Z"})json";

constexpr char kVoidingJson[] = R"json({
  "id": "0f6b2c1e-9a7d-4c3b-8e5f-1a2b3c4d5e6f",
  "actor": {"account": {"homePage": "https://platform.example", "name": "admin"}},
  "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
  "object": {"objectType": "StatementRef", "id": "6690E6C9-3EF0-4ED3-8B37-7F3964730BEE"}})json";

const XapiMapping& Mapping() {
  static const XapiMapping* mapping = new XapiMapping(*ParseXapiMapping(kMappingJson));
  return *mapping;
}

Struct ParseStruct(absl::string_view json) {
  Struct s;
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(std::string(json), &s).ok()) << json;
  return s;
}

std::string ToJson(const Struct& s) {
  std::string json;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(s, &json).ok());
  return json;
}

// The object at `path` below `root`, created as needed.
Struct* ObjectAt(Struct* root, const std::vector<std::string>& path) {
  for (const std::string& name : path) root = (*root->mutable_fields())[name].mutable_struct_value();
  return root;
}

Value String(absl::string_view s) {
  Value v;
  v.set_string_value(std::string(s));
  return v;
}

Value Number(double d) {
  Value v;
  v.set_number_value(d);
  return v;
}

// kStatementJson with the member `name` of the object at `path` set (or
// removed when `value` is nullopt).
std::string StatementWith(const std::vector<std::string>& path, const std::string& name,
                          std::optional<Value> value) {
  Struct s = ParseStruct(kStatementJson);
  Struct* object = ObjectAt(&s, path);
  if (value.has_value()) {
    (*object->mutable_fields())[name] = *value;
  } else {
    object->mutable_fields()->erase(name);
  }
  return ToJson(s);
}

const std::vector<std::string> kExtensions = {"context", "extensions"};

XapiStatementResult Map(absl::string_view json) { return MapXapiStatement(Mapping(), json, kNow); }

TEST(XapiMappingTest, ReadsEverySetting) {
  absl::StatusOr<XapiMapping> mapping = ParseXapiMapping(kMappingJson);
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  EXPECT_EQ(mapping->verbs.size(), 4u);
  EXPECT_EQ(mapping->verbs.at("http://id.tincanapi.com/verb/rated"), Action::kRate);
  EXPECT_EQ(mapping->verbs.at("https://w3id.org/xapi/video/verbs/played"), Action::kPlay);
  EXPECT_EQ(mapping->content_id_prefix, "https://content.example/lessons/");
  EXPECT_EQ(mapping->extensions.role, "https://wp.example/xapi/role");
  EXPECT_EQ(mapping->extensions.simd, "https://wp.example/xapi/simd");
}

TEST(XapiMappingTest, BadSettingsAreNamed) {
  absl::StatusOr<XapiMapping> mapping = ParseXapiMapping(R"json({
    "verbs": {"http://x.example/watched": "watch", "http://adlnet.gov/expapi/verbs/voided": "view"},
    "content_id_prefix": "",
    "extension": {},
    "extensions": {"role": "r", "authority": "a", "establishment": "e", "sector": 5}})json");
  ASSERT_FALSE(mapping.ok());
  EXPECT_EQ(mapping.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(mapping.status().message());
  EXPECT_THAT(message, HasSubstr("extension: is not a setting of the xAPI mapping"));
  EXPECT_THAT(message, HasSubstr(
      "verbs[\"http://x.example/watched\"]: \"watch\" is not one of view, play, complete, rate"));
  EXPECT_THAT(message, HasSubstr(
      "verbs[\"http://adlnet.gov/expapi/verbs/voided\"]: voiding is handled by the mapper"));
  EXPECT_THAT(message, HasSubstr("content_id_prefix: must be a non-empty string"));
  EXPECT_THAT(message, HasSubstr("extensions.sector: must be a non-empty string"));
  EXPECT_THAT(message, HasSubstr("extensions.simd: must be a non-empty string"));
  EXPECT_EQ(ParseXapiMapping("[]").status().message(), "xAPI mapping: is not a JSON object");
  EXPECT_THAT(ParseXapiMapping(R"({"verbs": {}, "content_id_prefix": "p", "extensions": {}})")
                  .status()
                  .message(),
              HasSubstr("verbs: must map at least one verb IRI to an action"));
}

// Broke xapi_mapping_fuzz's invariants (its seed found-empty-setting.json):
// an empty setting name gave a violation on no field (": is not a
// setting"), and a name's control characters reached the message (and the
// log line of a service refusing to start).
TEST(XapiMappingTest, AnOddSettingNameIsQuoted) {
  absl::Status status = ParseXapiMapping(R"json({"": 1, "ve\nrbs": 2,
    "verbs": {"http://x.example/v": "view"}, "content_id_prefix": "p",
    "extensions": {"role": "r", "authority": "a", "establishment": "e", "sector": "s", "simd": "q",
                   "colour": "c", "a b": "d"}})json").status();
  ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const FieldViolation& v : FieldViolationsOf(status)) fields.push_back(v.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("[\"\"]", "[\"ve\\nrbs\"]", "extensions.colour",
                                                      "extensions[\"a b\"]"));
  EXPECT_EQ(std::string(status.message()).find('\n'), std::string::npos) << status;
}

TEST(XapiStatementTest, GoodStatementMapsEveryField) {
  const XapiStatementResult result = Map(kStatementJson);
  ASSERT_TRUE(std::holds_alternative<UsageEvent>(result.outcome))
      << std::get<XapiError>(result.outcome).message;
  const UsageEvent& e = std::get<UsageEvent>(result.outcome);
  EXPECT_EQ(result.statement_id, "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  EXPECT_EQ(result.json, kStatementJson);  // untouched, for the caller to store
  EXPECT_EQ(e.event_id, "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  EXPECT_EQ(e.occurred_at, Utc(2021, 1, 18, 9, 15, 2) + absl::Milliseconds(250));
  EXPECT_EQ(e.user_id, "u-42");
  EXPECT_EQ(e.role, Role::kLearner);
  EXPECT_EQ(e.authority, "GCC");
  EXPECT_EQ(e.establishment, "SCH123");
  EXPECT_EQ(e.sector, Sector::kPrimary);
  EXPECT_EQ(e.simd, 3);
  EXPECT_EQ(e.content_id, "lesson-7");
  EXPECT_EQ(e.action, Action::kPlay);
  EXPECT_EQ(e.seconds, 90);  // PT1M30.5S, rounded down
  EXPECT_EQ(e.rating, 0);
  EXPECT_TRUE(ValidateUsageEvent(e, kNow).ok());
}

TEST(XapiStatementTest, UuidIsLowerCasedSoRetriesMatch) {
  const XapiStatementResult result =
      Map(StatementWith({}, "id", String("6690E6C9-3EF0-4ED3-8B37-7F3964730BEE")));
  ASSERT_TRUE(std::holds_alternative<UsageEvent>(result.outcome));
  EXPECT_EQ(std::get<UsageEvent>(result.outcome).event_id, "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  EXPECT_EQ(result.statement_id, "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
}

TEST(XapiStatementTest, ActorIdFallsBackToMboxSha1sumThenOpenid) {
  Struct s = ParseStruct(kStatementJson);
  Struct* actor = ObjectAt(&s, {"actor"});
  actor->mutable_fields()->erase("account");
  (*actor->mutable_fields())["openid"] = String("https://openid.example/u-9");
  (*actor->mutable_fields())["mbox_sha1sum"] = String("ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
  XapiStatementResult result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<UsageEvent>(result.outcome));
  EXPECT_EQ(std::get<UsageEvent>(result.outcome).user_id, "ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
  actor->mutable_fields()->erase("mbox_sha1sum");
  result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<UsageEvent>(result.outcome));
  EXPECT_EQ(std::get<UsageEvent>(result.outcome).user_id, "https://openid.example/u-9");
}

TEST(XapiStatementTest, RatedStatementGivesARating) {
  Struct s = ParseStruct(kStatementJson);
  (*ObjectAt(&s, {"verb"})->mutable_fields())["id"] = String("http://id.tincanapi.com/verb/rated");
  (*ObjectAt(&s, {"result", "score"})->mutable_fields())["raw"] = Number(4);
  const XapiStatementResult result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<UsageEvent>(result.outcome))
      << std::get<XapiError>(result.outcome).message;
  EXPECT_EQ(std::get<UsageEvent>(result.outcome).action, Action::kRate);
  EXPECT_EQ(std::get<UsageEvent>(result.outcome).rating, 4);
}

TEST(XapiStatementTest, SimdMayBeTextAndOptionalFieldsMayBeAbsent) {
  Struct s = ParseStruct(kStatementJson);
  Struct* extensions = ObjectAt(&s, kExtensions);
  (*extensions->mutable_fields())["https://wp.example/xapi/simd"] = String("5");
  extensions->mutable_fields()->erase("https://wp.example/xapi/establishment");
  extensions->mutable_fields()->erase("https://wp.example/xapi/sector");
  s.mutable_fields()->erase("result");
  const XapiStatementResult result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<UsageEvent>(result.outcome))
      << std::get<XapiError>(result.outcome).message;
  const UsageEvent& e = std::get<UsageEvent>(result.outcome);
  EXPECT_EQ(e.simd, 5);
  EXPECT_EQ(e.establishment, "");
  EXPECT_EQ(e.sector, Sector::kUnknown);
  EXPECT_EQ(e.seconds, 0);
}

TEST(XapiStatementTest, DurationForms) {
  auto seconds_of = [](absl::string_view duration) -> std::string {
    const XapiStatementResult r = Map(StatementWith({"result"}, "duration", String(duration)));
    if (const auto* e = std::get_if<UsageEvent>(&r.outcome)) return absl::StrCat(e->seconds);
    return std::get<XapiError>(r.outcome).message;
  };
  EXPECT_EQ(seconds_of("PT0S"), "0");
  EXPECT_EQ(seconds_of("P0D"), "0");
  EXPECT_EQ(seconds_of("PT1H"), "3600");
  EXPECT_EQ(seconds_of("PT1M30S"), "90");
  EXPECT_EQ(seconds_of("PT10.999S"), "10");
  EXPECT_EQ(seconds_of("PT10,5S"), "10");
  EXPECT_EQ(seconds_of("P1D"), "86400");
  EXPECT_EQ(seconds_of("PT23H59M60S"), "86400");
  for (const char* bad : {"PT", "P", "P1Y", "P1M", "PT1.5M", "1M", "PT1S2M", "PT1H1H", "P1DT", "PT-1S",
                          "PT9999999999S", "pt1s"}) {
    EXPECT_THAT(seconds_of(bad), HasSubstr("is not an ISO 8601 duration")) << bad;
  }
  EXPECT_EQ(seconds_of("P1DT2H"), "result.duration: 93600 is not from 0 to 86400");
  EXPECT_EQ(seconds_of("P2W"), "result.duration: 1209600 is not from 0 to 86400");
}

struct BadStatement {
  const char* name;
  std::function<std::string()> json;
  const char* error;
};

class XapiBadFieldTest : public ::testing::TestWithParam<BadStatement> {};

TEST_P(XapiBadFieldTest, StatementIsRejectedNamingTheField) {
  const XapiStatementResult result = Map(GetParam().json());
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome)) << GetParam().json();
  const XapiError& error = std::get<XapiError>(result.outcome);
  EXPECT_EQ(error.kind, XapiErrorKind::kInvalid);
  EXPECT_THAT(error.message, HasSubstr(GetParam().error));
  EXPECT_EQ(error.message.find("; "), std::string::npos) << "one field is bad: " << error.message;
}

std::string RatedWithScore(std::optional<Value> raw) {
  Struct s = ParseStruct(kStatementJson);
  (*ObjectAt(&s, {"verb"})->mutable_fields())["id"] = String("http://id.tincanapi.com/verb/rated");
  if (raw.has_value()) (*ObjectAt(&s, {"result", "score"})->mutable_fields())["raw"] = *raw;
  return ToJson(s);
}

std::string ExtensionWith(absl::string_view key, std::optional<Value> value) {
  return StatementWith(kExtensions, absl::StrCat("https://wp.example/xapi/", key), std::move(value));
}

INSTANTIATE_TEST_SUITE_P(
    EveryField, XapiBadFieldTest,
    ::testing::Values(
        BadStatement{"no_id", [] { return StatementWith({}, "id", std::nullopt); },
                     "id: is required: it tells a statement sent again from a new one"},
        BadStatement{"id_not_uuid", [] { return StatementWith({}, "id", String("abc")); },
                     "id: \"abc\" is not a UUID"},
        BadStatement{"id_number", [] { return StatementWith({}, "id", Number(5)); }, "id: must be a string"},
        BadStatement{"actor_mbox",
                     [] { return StatementWith({"actor"}, "mbox", String("mailto:pupil@school.example")); },
                     "actor.mbox: is an email address"},
        BadStatement{"actor_without_id", [] { return StatementWith({"actor"}, "account", std::nullopt); },
                     "actor: has no account.name, mbox_sha1sum or openid"},
        BadStatement{"actor_name_long",
                     [] {
                       return StatementWith({"actor", "account"}, "name", String(std::string(129, 'u')));
                     },
                     "actor.account.name: is 129 bytes, more than 128"},
        BadStatement{"actor_name_number",
                     [] { return StatementWith({"actor", "account"}, "name", Number(42)); },
                     "actor.account.name: must be a string"},
        BadStatement{"no_verb", [] { return StatementWith({"verb"}, "id", std::nullopt); },
                     "verb.id: is required"},
        BadStatement{"object_elsewhere",
                     [] { return StatementWith({"object"}, "id", String("https://other.example/x")); },
                     "object.id: \"https://other.example/x\" is not \"https://content.example/lessons/\" "
                     "followed by a content id"},
        BadStatement{"object_only_prefix",
                     [] {
                       return StatementWith({"object"}, "id", String("https://content.example/lessons/"));
                     },
                     "object.id: \"https://content.example/lessons/\" is not"},
        BadStatement{"no_timestamp", [] { return StatementWith({}, "timestamp", std::nullopt); },
                     "timestamp: is required"},
        BadStatement{"timestamp_text", [] { return StatementWith({}, "timestamp", String("yesterday")); },
                     "timestamp: \"yesterday\" is not an ISO 8601 time"},
        BadStatement{"timestamp_future",
                     [] { return StatementWith({}, "timestamp", String("2021-03-01T13:10:00+01:00")); },
                     "timestamp: 2021-03-01T12:10:00Z is in the future"},
        BadStatement{"timestamp_before_2000",
                     [] { return StatementWith({}, "timestamp", String("1999-12-31T23:59:59Z")); },
                     "timestamp: 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z"},
        BadStatement{"duration_months", [] { return StatementWith({"result"}, "duration", String("P1M")); },
                     "result.duration: \"P1M\" is not an ISO 8601 duration"},
        BadStatement{"duration_number", [] { return StatementWith({"result"}, "duration", Number(90)); },
                     "result.duration: must be a string"},
        BadStatement{"rating_fraction", [] { return RatedWithScore(Number(4.5)); },
                     "result.score.raw: 4.5 is not a whole number from 1 to 5"},
        BadStatement{"rating_huge", [] { return RatedWithScore(Number(1e300)); },
                     "result.score.raw: 1e+300 is not a whole number from 1 to 5"},
        BadStatement{"rating_zero", [] { return RatedWithScore(Number(0)); },
                     "result.score.raw: 0 is not a whole number from 1 to 5"},
        BadStatement{"rating_missing", [] { return RatedWithScore(std::nullopt); },
                     "result.score.raw: is required (1 to 5) when the action is rate"},
        BadStatement{"role_unknown", [] { return ExtensionWith("role", String("pupil")); },
                     "context.extensions[\"https://wp.example/xapi/role\"]: \"pupil\" is not one of learner, "
                     "teacher, other"},
        BadStatement{"role_missing", [] { return ExtensionWith("role", std::nullopt); },
                     "context.extensions[\"https://wp.example/xapi/role\"]: is required"},
        BadStatement{"authority_unknown", [] { return ExtensionWith("authority", String("Fife")); },
                     "context.extensions[\"https://wp.example/xapi/authority\"]: \"Fife\" is not the code"},
        BadStatement{"authority_number", [] { return ExtensionWith("authority", Number(1)); },
                     "context.extensions[\"https://wp.example/xapi/authority\"]: must be a string"},
        BadStatement{"establishment_long",
                     [] { return ExtensionWith("establishment", String(std::string(65, 's'))); },
                     "context.extensions[\"https://wp.example/xapi/establishment\"]: is 65 bytes, more than "
                     "64"},
        BadStatement{"sector_unknown", [] { return ExtensionWith("sector", String("college")); },
                     "context.extensions[\"https://wp.example/xapi/sector\"]: \"college\" is not one of"},
        BadStatement{"simd_high", [] { return ExtensionWith("simd", Number(6)); },
                     "context.extensions[\"https://wp.example/xapi/simd\"]: 6 is not a whole number from 0 "
                     "to 5"},
        BadStatement{"simd_huge", [] { return ExtensionWith("simd", Number(-1e308)); },
                     "context.extensions[\"https://wp.example/xapi/simd\"]: -1e+308 is not a whole number"},
        BadStatement{"simd_text", [] { return ExtensionWith("simd", String("x")); },
                     "context.extensions[\"https://wp.example/xapi/simd\"]: \"x\" is not a whole number"},
        BadStatement{"user_id_control",
                     [] { return StatementWith({"actor", "account"}, "name", String("u\x01" "42")); },
                     "actor.account.name: holds a control character"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(XapiStatementTest, EveryProblemIsReported) {
  Struct s = ParseStruct(kStatementJson);
  s.mutable_fields()->erase("timestamp");
  (*ObjectAt(&s, {"object"})->mutable_fields())["id"] = String("lesson-7");
  (*ObjectAt(&s, kExtensions)->mutable_fields())["https://wp.example/xapi/role"] = String("pupil");
  const XapiStatementResult result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  const std::string& message = std::get<XapiError>(result.outcome).message;
  EXPECT_THAT(message, HasSubstr("timestamp: is required"));
  EXPECT_THAT(message, HasSubstr("object.id: \"lesson-7\" is not"));
  EXPECT_THAT(message, HasSubstr("role\"]: \"pupil\""));
}

TEST(XapiStatementTest, UnknownVerbIsCountedApart) {
  const XapiStatementResult result =
      Map(StatementWith({"verb"}, "id", String("http://adlnet.gov/expapi/verbs/attempted")));
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  const XapiError& error = std::get<XapiError>(result.outcome);
  EXPECT_EQ(error.kind, XapiErrorKind::kUnknownVerb);
  EXPECT_EQ(error.message,
            "verb.id: unknown verb \"http://adlnet.gov/expapi/verbs/attempted\"; add it to the mapping");
  EXPECT_EQ(result.statement_id, "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
}

TEST(XapiStatementTest, UnknownVerbWithoutAnIdIsInvalid) {
  Struct s = ParseStruct(kStatementJson);
  s.mutable_fields()->erase("id");
  (*ObjectAt(&s, {"verb"})->mutable_fields())["id"] = String("http://adlnet.gov/expapi/verbs/attempted");
  const XapiStatementResult result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  EXPECT_EQ(std::get<XapiError>(result.outcome).kind, XapiErrorKind::kInvalid);
  EXPECT_THAT(std::get<XapiError>(result.outcome).message, HasSubstr("id: is required"));
  EXPECT_THAT(std::get<XapiError>(result.outcome).message, HasSubstr("verb.id: unknown verb"));
}

TEST(XapiStatementTest, VoidingNamesTheVoidedStatement) {
  const XapiStatementResult result = Map(kVoidingJson);
  ASSERT_TRUE(std::holds_alternative<Voiding>(result.outcome))
      << std::get<XapiError>(result.outcome).message;
  EXPECT_EQ(std::get<Voiding>(result.outcome).voided_id, "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");
  EXPECT_EQ(result.statement_id, "0f6b2c1e-9a7d-4c3b-8e5f-1a2b3c4d5e6f");
}

TEST(XapiStatementTest, BadVoidingsAreInvalid) {
  Struct s = ParseStruct(kVoidingJson);
  (*ObjectAt(&s, {"object"})->mutable_fields())["objectType"] = String("Activity");
  XapiStatementResult result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  EXPECT_THAT(std::get<XapiError>(result.outcome).message,
              HasSubstr("object.objectType: must be StatementRef in a voiding statement"));
  s = ParseStruct(kVoidingJson);
  (*ObjectAt(&s, {"object"})->mutable_fields())["id"] = String("not-a-uuid");
  result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  EXPECT_THAT(std::get<XapiError>(result.outcome).message,
              HasSubstr("object.id: \"not-a-uuid\" is not the UUID of a statement"));
  s = ParseStruct(kVoidingJson);
  s.mutable_fields()->erase("id");
  result = Map(ToJson(s));
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  EXPECT_THAT(std::get<XapiError>(result.outcome).message, HasSubstr("id: is required"));
}

TEST(XapiStatementTest, TextThatIsNotUtf8OrNotAnObjectIsInvalid) {
  std::string json = kStatementJson;
  json.replace(json.find("u-42"), 4, "u-\xFF\xFE");
  XapiStatementResult result = Map(json);
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  EXPECT_THAT(std::get<XapiError>(result.outcome).message,
              HasSubstr("statement: is not UTF-8 text (byte 0xFF at offset"));
  EXPECT_EQ(result.json, json);
  for (const char* text : {"", "[]", "\"text\"", "{\"id\": }", "{} {}"}) {
    result = Map(text);
    ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome)) << text;
    EXPECT_EQ(std::get<XapiError>(result.outcome).message, "statement: is not a JSON object") << text;
  }
}

TEST(XapiStatementTest, EscapedLoneSurrogateIsNeverAccepted) {
  std::string json = kStatementJson;
  json.replace(json.find("u-42"), 4, "u-\\ud800");
  const XapiStatementResult result = Map(json);
  ASSERT_TRUE(std::holds_alternative<XapiError>(result.outcome));
  EXPECT_EQ(std::get<XapiError>(result.outcome).kind, XapiErrorKind::kInvalid);
}

TEST(ParseXapiStatementsTest, ArrayWithOneBadStatementAmongGoodOnes) {
  const std::string second = StatementWith({}, "id", String("not-a-uuid"));
  const std::string third = StatementWith({}, "id", String("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
  const std::string text = absl::StrCat("  [\n", kStatementJson, ",\n  ", second, " ,", third, "]\n");
  absl::StatusOr<std::vector<XapiStatementResult>> results = ParseXapiStatements(Mapping(), text, kNow);
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->size(), 3u);
  EXPECT_TRUE(std::holds_alternative<UsageEvent>((*results)[0].outcome));
  ASSERT_TRUE(std::holds_alternative<XapiError>((*results)[1].outcome));
  EXPECT_THAT(std::get<XapiError>((*results)[1].outcome).message, HasSubstr("id: \"not-a-uuid\""));
  EXPECT_EQ((*results)[1].statement_id, "not-a-uuid");
  ASSERT_TRUE(std::holds_alternative<UsageEvent>((*results)[2].outcome));
  EXPECT_EQ(std::get<UsageEvent>((*results)[2].outcome).event_id, "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  // Each statement's text is exactly what was sent.
  EXPECT_EQ((*results)[0].json, kStatementJson);
  EXPECT_EQ((*results)[1].json, second);
  EXPECT_EQ((*results)[2].json, third);
}

TEST(ParseXapiStatementsTest, BracketsAndCommasInsideStringsDoNotSplit) {
  const std::string tricky = StatementWith({"actor", "account"}, "name", String("a],\"[{b\\"));
  absl::StatusOr<std::vector<XapiStatementResult>> results =
      ParseXapiStatements(Mapping(), absl::StrCat("[", tricky, ",", tricky, "]"), kNow);
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_EQ(results->size(), 2u);
  ASSERT_TRUE(std::holds_alternative<UsageEvent>((*results)[1].outcome));
  EXPECT_EQ(std::get<UsageEvent>((*results)[1].outcome).user_id, "a],\"[{b\\");
}

TEST(ParseXapiStatementsTest, OneObjectAndEmptyArray) {
  absl::StatusOr<std::vector<XapiStatementResult>> one = ParseXapiStatements(Mapping(), kStatementJson, kNow);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  EXPECT_TRUE(std::holds_alternative<UsageEvent>((*one)[0].outcome));
  absl::StatusOr<std::vector<XapiStatementResult>> none = ParseXapiStatements(Mapping(), " [ ] ", kNow);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(ParseXapiStatementsTest, TextThatIsNotJsonIsAnError) {
  for (const char* text : {"", "hello", "42", "[1, 2", "[1,]", "[,1]", "[1] x", "[1}", "[\"open]"}) {
    absl::StatusOr<std::vector<XapiStatementResult>> results = ParseXapiStatements(Mapping(), text, kNow);
    ASSERT_FALSE(results.ok()) << text;
    EXPECT_EQ(results.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(results.status().message(), HasSubstr("statements: ")) << text;
  }
}

TEST(ParseXapiStatementsTest, AtMostTenThousandStatementsPerCall) {
  std::vector<std::string> statements(kMaxXapiStatementsPerCall, "{}");
  absl::StatusOr<std::vector<XapiStatementResult>> results =
      ParseXapiStatements(Mapping(), absl::StrCat("[", absl::StrJoin(statements, ","), "]"), kNow);
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(results->size(), kMaxXapiStatementsPerCall);
  statements.push_back("{}");
  results = ParseXapiStatements(Mapping(), absl::StrCat("[", absl::StrJoin(statements, ","), "]"), kNow);
  ASSERT_FALSE(results.ok());
  EXPECT_THAT(results.status().message(), HasSubstr("more than 10000 in one call"));
}

}  // namespace
}  // namespace wp::westos
