#include "common/json.hpp"

#include <gtest/gtest.h>

#include <string>

namespace candor {
namespace {

struct Utf8Case {
  std::string name;
  std::string bytes;
  bool valid;
};

class Utf8Test : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(Utf8Test, Validates) {
  EXPECT_EQ(IsValidUtf8(GetParam().bytes), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(
    Sequences, Utf8Test,
    ::testing::Values(
        Utf8Case{"Empty", "", true}, Utf8Case{"Ascii", "hello", true},
        Utf8Case{"EmbeddedNul", std::string("a\0b", 3), true}, Utf8Case{"Chinese", "张伟", true},
        Utf8Case{"Emoji", "\xF0\x9F\x98\x80", true}, Utf8Case{"LowestTwoByte", "\xC2\x80", true},
        Utf8Case{"LowestThreeByte", "\xE0\xA0\x80", true},
        Utf8Case{"LastBeforeSurrogates", "\xED\x9F\xBF", true},
        Utf8Case{"FirstAfterSurrogates", "\xEE\x80\x80", true},
        Utf8Case{"LowestFourByte", "\xF0\x90\x80\x80", true},
        Utf8Case{"HighestCodePoint", "\xF4\x8F\xBF\xBF", true},
        Utf8Case{"OverlongSlashTwoBytes", "\xC0\xAF", false},
        Utf8Case{"OverlongC1", "\xC1\xBF", false},
        Utf8Case{"OverlongThreeBytes", "\xE0\x80\xAF", false},
        Utf8Case{"OverlongThreeBytesHigh", "\xE0\x9F\xBF", false},
        Utf8Case{"OverlongFourBytes", "\xF0\x80\x80\xAF", false},
        Utf8Case{"OverlongFourBytesHigh", "\xF0\x8F\xBF\xBF", false},
        Utf8Case{"HighSurrogate", "\xED\xA0\x80", false},
        Utf8Case{"LowSurrogate", "\xED\xBF\xBF", false},
        Utf8Case{"PastMaximum", "\xF4\x90\x80\x80", false},
        Utf8Case{"LeadF5", "\xF5\x80\x80\x80", false}, Utf8Case{"LeadFF", "\xFF", false},
        Utf8Case{"LoneContinuation", "\x80", false}, Utf8Case{"TruncatedTwoByte", "\xC3", false},
        Utf8Case{"TruncatedThreeByte", "\xE4\xB8", false},
        Utf8Case{"TruncatedFourByte", "\xF0\x9F\x98", false},
        Utf8Case{"TruncatedThenAscii",
                 "\xE4\xB8"
                 "a",
                 false},
        Utf8Case{"TruncatedInMiddle",
                 "\xE5\xBC"
                 "\xE5\xBC\xA0",
                 false},
        Utf8Case{"BadContinuation", "\xE4\x41\xAD", false},
        Utf8Case{"ValidThenInvalid", "ok\xC3\xA9\xC3", false}),
    [](const ::testing::TestParamInfo<Utf8Case>& info) { return info.param.name; });

TEST(Utf8LengthTest, CountsCodePoints) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("abc"), 3u);
  EXPECT_EQ(Utf8Length("张伟abc"), 5u);
  EXPECT_EQ(Utf8Length("\xF0\x9F\x98\x80"), 1u);
}

struct EmailCase {
  std::string text;
  bool looks_valid;
};

class EmailTest : public ::testing::TestWithParam<EmailCase> {};

TEST_P(EmailTest, Checks) {
  EXPECT_EQ(LooksLikeEmail(GetParam().text), GetParam().looks_valid) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Addresses, EmailTest,
    ::testing::Values(EmailCase{"a@b.co", true}, EmailCase{"zhang.san+hr@example.com.cn", true},
                      EmailCase{"x@sub.domain.example", true},
                      EmailCase{std::string(64, 'a') + "@" + std::string(185, 'b') + ".com", true},
                      EmailCase{std::string(64, 'a') + "@" + std::string(186, 'b') + ".com", false},
                      EmailCase{"", false}, EmailCase{"plain", false}, EmailCase{"@b.co", false},
                      EmailCase{"a@", false}, EmailCase{"a@b", false}, EmailCase{"a@.com", false},
                      EmailCase{"a@b.", false}, EmailCase{"a@@b.co", false},
                      EmailCase{"a@b@c.co", false}, EmailCase{"a b@c.co", false},
                      EmailCase{" a@b.co", false}, EmailCase{"a@b.co\n", false},
                      EmailCase{"a<b@c.co", false}, EmailCase{"a@b.co>", false},
                      EmailCase{"a@b.co,c@d.co", false}, EmailCase{"a@b.co;", false},
                      EmailCase{"a\x7f@b.co", false}));

TEST(ParseJsonObjectTest, AcceptsAnObject) {
  auto object = ParseJsonObject(R"({"name": "张伟", "n": 1})");
  ASSERT_TRUE(object.ok());
  EXPECT_EQ(object->at("name").as_string(), "张伟");
}

TEST(ParseJsonObjectTest, RejectsInvalidJsonWithTheReason) {
  auto result = ParseJsonObject(R"({"name": )");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "request.invalid_json");
  EXPECT_FALSE(result.error().arg.empty());
}

TEST(ParseJsonObjectTest, RejectsOtherValues) {
  for (std::string body : {"[]", "\"text\"", "42", "null", ""}) {
    auto result = ParseJsonObject(body);
    ASSERT_FALSE(result.ok()) << body;
    EXPECT_EQ(result.error().code, "request.invalid_json") << body;
  }
  EXPECT_EQ(ParseJsonObject("[1]").error().arg, "expected an object");
}

TEST(ParseJsonObjectTest, RejectsDeepNestingInsteadOfExhaustingTheStack) {
  std::string deep = "{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}";
  auto result = ParseJsonObject(deep);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "request.invalid_json");
}

TEST(ParseJsonObjectTest, RejectsInvalidUtf8InStrings) {
  EXPECT_FALSE(ParseJsonObject("{\"name\": \"\xC3\"}").ok());
}

TEST(FieldReaderTest, ReadsValidFields) {
  json::object o{{"email", "a@b.co"}, {"name", "张伟"}, {"active", true}};
  FieldReader r(o);
  EXPECT_EQ(r.String("email", true), "a@b.co");
  EXPECT_EQ(r.String("name", true, 2, 2), "张伟");  // lengths count characters, not bytes
  EXPECT_EQ(r.Bool("active", true), true);
  EXPECT_EQ(r.String("missing", false), std::nullopt);
  EXPECT_EQ(r.Bool("missing", false), std::nullopt);
  r.RejectUnknown({"email", "name", "active"});
  EXPECT_TRUE(r.ok());
}

TEST(FieldReaderTest, CollectsEveryProblemAtOnce) {
  json::object o{{"email", 42},   {"name", ""},         {"short", "ab"},     {"long", "abcdef"},
                 {"flag", "yes"}, {"nothing", nullptr}, {"bad", "\xC3\x28"}, {"extra", "surprise"}};
  FieldReader r(o);
  EXPECT_FALSE(r.String("email", true));
  EXPECT_FALSE(r.String("name", true));
  EXPECT_FALSE(r.String("short", true, 3));
  EXPECT_FALSE(r.String("long", true, 0, 5));
  EXPECT_FALSE(r.Bool("flag", true));
  EXPECT_FALSE(r.String("nothing", true));
  EXPECT_FALSE(r.String("bad", true));
  EXPECT_FALSE(r.String("absent", true));
  EXPECT_FALSE(r.Bool("absent_flag", true));
  r.RejectUnknown({"email", "name", "short", "long", "flag", "nothing", "bad"});
  ASSERT_FALSE(r.ok());
  Error e = r.error();
  EXPECT_EQ(e.code, "validation.failed");
  std::vector<FieldError> expected = {
      {"email", "invalid_type", "string"},   {"name", "required", ""},
      {"short", "too_short", "3"},           {"long", "too_long", "5"},
      {"flag", "invalid_type", "boolean"},   {"nothing", "required", ""},
      {"bad", "invalid_type", "UTF-8 text"}, {"absent", "required", ""},
      {"absent_flag", "required", ""},       {"extra", "unknown_field", ""},
  };
  ASSERT_EQ(e.fields.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(e.fields[i].field, expected[i].field) << i;
    EXPECT_EQ(e.fields[i].code, expected[i].code) << i;
    EXPECT_EQ(e.fields[i].arg, expected[i].arg) << i;
  }
}

TEST(FieldReaderTest, EmptyOptionalStringIsAllowed) {
  json::object o{{"note", ""}};
  FieldReader r(o);
  EXPECT_EQ(r.String("note", false), "");
  EXPECT_TRUE(r.ok());
}

}  // namespace
}  // namespace candor

namespace candor {
namespace {

TEST(AppendJsonStringTest, EscapesWhatJsonRequiresAndRoundTrips) {
  for (std::string text : {std::string(""), std::string("plain"),
                           std::string("中文 \"quoted\" \\ /"), std::string("line\nbreak\ttab\r"),
                           std::string("\x01\x1f", 2), std::string("nul\0byte", 8)}) {
    std::string out;
    AppendJsonString(out, text);
    boost::system::error_code ec;
    auto parsed = json::parse(out, ec);
    ASSERT_FALSE(ec) << out;
    EXPECT_EQ(parsed.as_string(), text) << out;
  }
}

}  // namespace
}  // namespace candor
