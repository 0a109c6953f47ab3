#include "common/messages.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace candor {
namespace {

struct AcceptLanguageCase {
  std::string header;
  Locale expected;
};

class AcceptLanguageTest : public ::testing::TestWithParam<AcceptLanguageCase> {};

TEST_P(AcceptLanguageTest, PicksTheLocaleTheBrowserPrefers) {
  const auto& c = GetParam();
  EXPECT_EQ(LocaleTag(ParseAcceptLanguage(c.header)), LocaleTag(c.expected))
      << "Accept-Language: " << c.header;
}

INSTANTIATE_TEST_SUITE_P(
    Headers, AcceptLanguageTest,
    ::testing::Values(
        AcceptLanguageCase{"", Locale::kEnUs}, AcceptLanguageCase{"zh-CN", Locale::kZhCn},
        AcceptLanguageCase{"zh", Locale::kZhCn}, AcceptLanguageCase{"en-US", Locale::kEnUs},
        AcceptLanguageCase{"ZH-cn", Locale::kZhCn},
        // Traditional Chinese readers get the only Chinese we ship.
        AcceptLanguageCase{"zh-TW", Locale::kZhCn},
        AcceptLanguageCase{"zh-HK,en;q=0.5", Locale::kZhCn},
        // q-values: the highest wins wherever it is listed.
        AcceptLanguageCase{"en;q=0.4, zh-CN;q=0.9", Locale::kZhCn},
        AcceptLanguageCase{"zh-CN;q=0.3, en-GB;q=0.8", Locale::kEnUs},
        AcceptLanguageCase{"fr-FR, zh;q=0.2", Locale::kZhCn},
        AcceptLanguageCase{"de, fr;q=0.9, zh-CN;q=0.1", Locale::kZhCn},
        // Equal q: the first listed wins.
        AcceptLanguageCase{"zh-CN, en-US", Locale::kZhCn},
        AcceptLanguageCase{"en-US, zh-CN", Locale::kEnUs},
        AcceptLanguageCase{"en-US;q=0.5, zh-CN;q=0.5", Locale::kEnUs},
        // Unsupported languages and garbage fall back to English.
        AcceptLanguageCase{"fr-FR, de;q=0.9", Locale::kEnUs},
        AcceptLanguageCase{"*", Locale::kEnUs}, AcceptLanguageCase{",,,;;;", Locale::kEnUs},
        AcceptLanguageCase{"\xff\xfe\x01", Locale::kEnUs},
        AcceptLanguageCase{"zh;q=abc, en;q=0.1", Locale::kEnUs},
        AcceptLanguageCase{";q=1", Locale::kEnUs}, AcceptLanguageCase{"z", Locale::kEnUs},
        // q=0 means "not acceptable".
        AcceptLanguageCase{"zh;q=0", Locale::kEnUs},
        AcceptLanguageCase{"zh-CN;q=0, en;q=0.1", Locale::kEnUs}));

TEST(LocaleTest, TagsAreTheSupportedOnes) {
  EXPECT_EQ(LocaleTag(Locale::kZhCn), "zh-CN");
  EXPECT_EQ(LocaleTag(Locale::kEnUs), "en-US");
  EXPECT_TRUE(IsSupportedLocale("zh-CN"));
  EXPECT_TRUE(IsSupportedLocale("en-US"));
  EXPECT_FALSE(IsSupportedLocale("zh-TW"));
  EXPECT_FALSE(IsSupportedLocale("zh-cn"));
  EXPECT_FALSE(IsSupportedLocale(""));
}

// Every code the services and the HTTP layer return (grep Error::Of in src/).
const std::vector<std::string> kUsedCodes = {
    "validation.failed",
    "auth.required",
    "auth.invalid_credentials",
    "auth.invalid_api_key",
    "auth.locked",
    "auth.throttled",
    "auth.csrf",
    "auth.forbidden",
    "auth.disabled",
    "resource.not_found",
    "route.not_found",
    "method.not_allowed",
    "user.email_taken",
    "tenant.slug_taken",
    "user.last_owner",
    "request.body_too_large",
    "request.header_too_large",
    "request.unsupported_media_type",
    "request.invalid_json",
    "request.malformed",
    "service.not_ready",
    "service.shutting_down",
    "internal.error",
};

bool HasCjk(const std::string& text) {
  // Every CJK ideograph in UTF-8 starts with a byte from 0xE3 to 0xE9.
  for (unsigned char c : text) {
    if (c >= 0xE3 && c <= 0xE9) {
      return true;
    }
  }
  return false;
}

TEST(CatalogueTest, EveryCodeHasTitlesAndDetailsInBothLanguages) {
  for (const auto& code : kUsedCodes) {
    SCOPED_TRACE(code);
    ASSERT_TRUE(IsKnownCode(code));
    std::string en = TitleOf(code, Locale::kEnUs);
    std::string zh = TitleOf(code, Locale::kZhCn);
    EXPECT_FALSE(en.empty());
    EXPECT_FALSE(zh.empty());
    EXPECT_NE(en, zh);
    EXPECT_FALSE(HasCjk(en));
    EXPECT_TRUE(HasCjk(zh));
    Error error = Error::Of(code, "7");
    std::string detail_en = DetailOf(error, Locale::kEnUs);
    std::string detail_zh = DetailOf(error, Locale::kZhCn);
    EXPECT_FALSE(detail_en.empty());
    EXPECT_TRUE(HasCjk(detail_zh));
    EXPECT_EQ(detail_en.find("{arg}"), std::string::npos);
    EXPECT_EQ(detail_zh.find("{arg}"), std::string::npos);
  }
}

TEST(CatalogueTest, StatusesMatchTheProblemKind) {
  EXPECT_EQ(StatusOf("validation.failed"), 400);
  EXPECT_EQ(StatusOf("auth.required"), 401);
  EXPECT_EQ(StatusOf("auth.invalid_credentials"), 401);
  EXPECT_EQ(StatusOf("auth.forbidden"), 403);
  EXPECT_EQ(StatusOf("auth.disabled"), 403);
  EXPECT_EQ(StatusOf("resource.not_found"), 404);
  EXPECT_EQ(StatusOf("user.email_taken"), 409);
  EXPECT_EQ(StatusOf("user.last_owner"), 409);
  EXPECT_EQ(StatusOf("auth.locked"), 423);
  EXPECT_EQ(StatusOf("auth.throttled"), 429);
  EXPECT_EQ(StatusOf("request.body_too_large"), 413);
  EXPECT_EQ(StatusOf("service.not_ready"), 503);
  EXPECT_EQ(StatusOf("internal.error"), 500);
}

TEST(CatalogueTest, UnknownCodeIsAnInternalErrorNotAnEmptyText) {
  EXPECT_FALSE(IsKnownCode("no.such_code"));
  EXPECT_EQ(StatusOf("no.such_code"), 500);
  EXPECT_EQ(TitleOf("no.such_code", Locale::kEnUs), TitleOf("internal.error", Locale::kEnUs));
  EXPECT_EQ(TitleOf("no.such_code", Locale::kZhCn), TitleOf("internal.error", Locale::kZhCn));
  EXPECT_EQ(DetailOf(Error::Of("no.such_code"), Locale::kEnUs),
            DetailOf(Error::Of("internal.error"), Locale::kEnUs));
}

TEST(CatalogueTest, DetailFillsTheArgument) {
  EXPECT_EQ(DetailOf(Error::Of("auth.locked", "15"), Locale::kEnUs),
            "Too many failed sign-ins. Try again in 15 minutes.");
  EXPECT_EQ(DetailOf(Error::Of("auth.locked", "15"), Locale::kZhCn),
            "登录失败次数过多，请在 15 分钟后重试。");
  EXPECT_EQ(DetailOf(Error::Of("auth.throttled", "42"), Locale::kEnUs),
            "Too many sign-in attempts. Try again in 42 seconds.");
  EXPECT_EQ(DetailOf(Error::Of("method.not_allowed", "GET, POST"), Locale::kZhCn),
            "该接口不接受此请求方法。允许：GET, POST。");
}

TEST(CatalogueTest, DetailWithoutPlaceholderIgnoresTheArgument) {
  EXPECT_EQ(DetailOf(Error::Of("auth.required", "ignored"), Locale::kEnUs),
            "Please sign in to continue.");
}

TEST(CatalogueTest, ArgumentHoldingThePlaceholderIsNotExpandedAgain) {
  EXPECT_EQ(DetailOf(Error::Of("request.invalid_json", "{arg}"), Locale::kEnUs),
            "The request body is not valid JSON: {arg}.");
}

TEST(FieldMessageTest, LocalizedAndFilled) {
  EXPECT_EQ(FieldMessage({"email", "required", ""}, Locale::kEnUs), "This field is required.");
  EXPECT_EQ(FieldMessage({"email", "required", ""}, Locale::kZhCn), "此项为必填项。");
  EXPECT_EQ(FieldMessage({"password", "too_short", "12"}, Locale::kEnUs),
            "Must be at least 12 characters.");
  EXPECT_EQ(FieldMessage({"password", "too_short", "12"}, Locale::kZhCn), "至少需要 12 个字符。");
  EXPECT_EQ(FieldMessage({"role", "invalid_value", "owner, finance"}, Locale::kEnUs),
            "This value is not allowed. Allowed: owner, finance.");
}

TEST(FieldMessageTest, EveryFieldCodeTheServicesUseHasBothLanguages) {
  for (std::string code : {"required", "invalid_email", "too_short", "too_long", "invalid_value",
                           "invalid_type", "invalid_slug", "out_of_range", "unknown_field"}) {
    SCOPED_TRACE(code);
    FieldError f{"x", code, "3"};
    std::string en = FieldMessage(f, Locale::kEnUs);
    std::string zh = FieldMessage(f, Locale::kZhCn);
    EXPECT_NE(en, code);
    EXPECT_TRUE(HasCjk(zh));
    EXPECT_EQ(en.find("{arg}"), std::string::npos);
  }
}

TEST(FieldMessageTest, UnknownFieldCodeFallsBackToTheCode) {
  EXPECT_EQ(FieldMessage({"x", "weird_code", ""}, Locale::kZhCn), "weird_code");
}

}  // namespace
}  // namespace candor
