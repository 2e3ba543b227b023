#include "services/westos/statements/xapi_mapping_config.h"

#include <cstdio>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace wp::westos {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

TEST(XapiMappingConfigTest, NoFileGivesTheDefault) {
  absl::StatusOr<XapiMapping> mapping = LoadXapiMapping("");
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  EXPECT_EQ(mapping->verbs.at("http://adlnet.gov/expapi/verbs/completed"), Action::kComplete);
  EXPECT_EQ(mapping->verbs.at("https://w3id.org/xapi/video/verbs/played"), Action::kPlay);
  EXPECT_EQ(mapping->verbs.at("http://id.tincanapi.com/verb/rated"), Action::kRate);
  EXPECT_EQ(mapping->content_id_prefix, "https://content.example/lessons/");
  EXPECT_EQ(mapping->extensions.authority, "https://wp.example/xapi/authority");
}

TEST(XapiMappingConfigTest, AFileReplacesTheDefault) {
  const std::string path = WriteTemp("mapping.json", R"json({
    "verbs": {"https://platform.example/verbs/opened": "view"},
    "content_id_prefix": "https://platform.example/c/",
    "extensions": {"role": "r", "authority": "a", "establishment": "e", "sector": "s", "simd": "q"}})json");
  absl::StatusOr<XapiMapping> mapping = LoadXapiMapping(path);
  ASSERT_TRUE(mapping.ok()) << mapping.status();
  EXPECT_EQ(mapping->verbs.size(), 1u);
  EXPECT_EQ(mapping->verbs.at("https://platform.example/verbs/opened"), Action::kView);
  EXPECT_EQ(mapping->content_id_prefix, "https://platform.example/c/");
  EXPECT_EQ(mapping->extensions.simd, "q");
}

TEST(XapiMappingConfigTest, AMissingFileIsNotFound) {
  absl::StatusOr<XapiMapping> mapping = LoadXapiMapping(::testing::TempDir() + "no-such-mapping.json");
  EXPECT_EQ(mapping.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(mapping.status().message().find("--xapi_mapping"), std::string::npos);
}

TEST(XapiMappingConfigTest, ABadFileNamesItselfAndTheSetting) {
  const std::string path = WriteTemp("bad-mapping.json", R"json({
    "verbs": {"https://platform.example/verbs/opened": "glance"},
    "content_id_prefix": "https://platform.example/c/",
    "extensions": {"role": "r", "authority": "a", "establishment": "e", "sector": "s", "simd": "q"}})json");
  absl::StatusOr<XapiMapping> mapping = LoadXapiMapping(path);
  ASSERT_EQ(mapping.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(mapping.status().message().find(path), std::string::npos);
  EXPECT_NE(mapping.status().message().find("verbs["), std::string::npos) << mapping.status();
  EXPECT_EQ(LoadXapiMapping(WriteTemp("not-json.json", "[1, 2")).status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace wp::westos
