// The API end to end on both databases: sign-in, sessions, CSRF, localized problems, users,
// API keys, the audit trail, and one tenant reaching for another tenant's records.
#include <gtest/gtest.h>

#include "common/json.hpp"
#include "harness.hpp"
#include "services/tenant_service.hpp"
#include "services/user_service.hpp"

namespace candor::testing {
namespace {

class ApiTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  static ServerSetup MakeSetup(storage::Dialect d) {
    ServerSetup s;
    s.dialect = d;
    return s;
  }
  TestServer server_{MakeSetup(GetParam())};

  static json::value Parse(const HttpResult& r) { return json::parse(r.body); }
};

TEST_P(ApiTest, LoginSetsAHardenedCookieAndMeDescribesTheCaller) {
  auto r = server_.Request(
      "POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
      R"({"tenant":"demo","email":"Recruiter@Demo.Example ","password":"candor-demo-2026"})");
  ASSERT_EQ(r.status, 200) << r.body;
  std::string cookie = r.Header("set-cookie");
  EXPECT_NE(cookie.find("candor_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP here";
  EXPECT_EQ(r.Header("cache-control"), "no-store");

  TestServer::Session s{cookie.substr(0, cookie.find(';')), r.JsonField("csrf_token")};
  auto me = server_.As(s, "GET", "/api/v1/me");
  ASSERT_EQ(me.status, 200);
  auto body = Parse(me).as_object();
  EXPECT_EQ(body["email"].as_string(), "recruiter@demo.example");
  EXPECT_EQ(body["role"].as_string(), "recruiter");
  EXPECT_EQ(body["tenant"].as_object()["slug"].as_string(), "demo");
  auto perms = body["permissions"].as_array();
  EXPECT_NE(std::find(perms.begin(), perms.end(), json::value("jobs.write")), perms.end());
  EXPECT_EQ(std::find(perms.begin(), perms.end(), json::value("users.manage")), perms.end());
}

TEST_P(ApiTest, WrongPasswordUnknownUserAndUnknownTenantLookAlike) {
  auto attempt = [&](const std::string& tenant, const std::string& email, const std::string& pw) {
    json::object b{{"tenant", tenant}, {"email", email}, {"password", pw}};
    return server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                           json::serialize(b));
  };
  auto wrong = attempt("demo", "owner@demo.example", "not-the-password");
  auto nobody = attempt("demo", "nobody@demo.example", "candor-demo-2026");
  auto no_tenant = attempt("nope", "owner@demo.example", "candor-demo-2026");
  for (const auto* r : {&wrong, &nobody, &no_tenant}) {
    EXPECT_EQ(r->status, 401);
    EXPECT_EQ(r->JsonField("code"), "auth.invalid_credentials");
    EXPECT_EQ(r->JsonField("detail"), wrong.JsonField("detail"));
  }
}

TEST_P(ApiTest, ProblemsSpeakTheCallersLanguage) {
  auto zh = server_.Request("GET", "/api/v1/me", "Accept-Language: zh-CN,zh;q=0.9,en;q=0.8\r\n");
  EXPECT_EQ(zh.status, 401);
  EXPECT_EQ(zh.JsonField("detail"), "请先登录。");
  EXPECT_EQ(zh.Header("content-language"), "zh-CN");
  auto en = server_.Request("GET", "/api/v1/me", "Accept-Language: en-US\r\n");
  EXPECT_EQ(en.JsonField("detail"), "Please sign in to continue.");
  EXPECT_EQ(en.JsonField("type"), "urn:candor:problem:auth.required");
  EXPECT_EQ(en.JsonField("instance"), "/api/v1/me");
  EXPECT_FALSE(en.JsonField("request_id").empty());
}

TEST_P(ApiTest, ValidationListsEveryBadFieldInTheCallersLanguage) {
  auto owner = server_.Login("owner@demo.example");
  auto r = server_.As(
      owner, "POST", "/api/v1/users",
      R"({"email":"not-an-email","display_name":"","role":"boss","password":"short","colour":"red"})",
      "Accept-Language: zh-CN\r\n");
  ASSERT_EQ(r.status, 400) << r.body;
  auto body = json::parse(r.body).as_object();
  EXPECT_EQ(body["code"].as_string(), "validation.failed");
  std::map<std::string, std::string> fields;
  for (const auto& e : body["errors"].as_array()) {
    fields[std::string(e.as_object().at("field").as_string())] =
        std::string(e.as_object().at("message").as_string());
  }
  EXPECT_TRUE(fields.contains("colour")) << r.body;
  EXPECT_EQ(fields["display_name"], "此项为必填项。");
  EXPECT_EQ(fields["email"], "请输入有效的邮箱地址。");
  EXPECT_TRUE(fields.contains("role"));
  EXPECT_EQ(fields["password"], "至少需要 12 个字符。");
  EXPECT_EQ(fields.size(), 5u) << "every bad field at once: " << r.body;
}

TEST_P(ApiTest, StateChangesNeedTheCsrfToken) {
  auto owner = server_.Login("owner@demo.example");
  auto no_token = server_.Request(
      "POST", "/api/v1/api-keys",
      "Cookie: " + owner.cookie + "\r\nContent-Type: application/json\r\n", R"({"name":"x"})");
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(no_token.JsonField("code"), "auth.csrf");
  auto forged = server_.Request("POST", "/api/v1/auth/logout",
                                "Cookie: " + owner.cookie + "\r\nX-CSRF-Token: forged\r\n");
  EXPECT_EQ(forged.JsonField("code"), "auth.csrf");
  EXPECT_EQ(server_.As(owner, "GET", "/api/v1/me").status, 200) << "still signed in";
}

TEST_P(ApiTest, LogoutEndsTheSession) {
  auto s = server_.Login("finance@demo.example");
  auto out = server_.As(s, "POST", "/api/v1/auth/logout");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(server_.As(s, "GET", "/api/v1/me").status, 401);
}

TEST_P(ApiTest, RepeatedFailuresLockTheAccount) {
  json::object bad{
      {"tenant", "demo"}, {"email", "interviewer@demo.example"}, {"password", "wrong-password"}};
  HttpResult last;
  for (int i = 0; i < 5; ++i) {
    last = server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                           json::serialize(bad));
  }
  EXPECT_EQ(last.status, 423);
  EXPECT_EQ(last.JsonField("code"), "auth.locked");
  EXPECT_FALSE(last.Header("retry-after").empty());
  json::object good{
      {"tenant", "demo"}, {"email", "interviewer@demo.example"}, {"password", "candor-demo-2026"}};
  auto locked = server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                                json::serialize(good));
  EXPECT_EQ(locked.status, 423) << "even the right password waits out the lock";
}

TEST_P(ApiTest, OwnerManagesUsersWithPagination) {
  auto owner = server_.Login("owner@demo.example");
  for (int i = 0; i < 3; ++i) {
    json::object u{{"email", "staff" + std::to_string(i) + "@demo.example"},
                   {"display_name", "员工 " + std::to_string(i)},
                   {"role", "interviewer"},
                   {"password", "a-long-enough-password"},
                   {"locale", "zh-CN"}};
    auto r = server_.As(owner, "POST", "/api/v1/users", json::serialize(u));
    ASSERT_EQ(r.status, 201) << r.body;
  }
  auto dup = server_.As(
      owner, "POST", "/api/v1/users",
      R"({"email":"STAFF0@demo.example","display_name":"x","role":"finance","password":"a-long-enough-password"})");
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.JsonField("code"), "user.email_taken");

  std::set<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page = server_.As(owner, "GET",
                           "/api/v1/users?limit=4" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(page.status, 200) << page.body;
    auto body = json::parse(page.body).as_object();
    for (const auto& u : body["items"].as_array()) {
      EXPECT_TRUE(seen.insert(std::string(u.as_object().at("email").as_string())).second);
    }
    cursor = body["next_cursor"].is_null() ? "" : std::string(body["next_cursor"].as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(seen.size(), 9u);  // six demo users and three new ones
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(server_.As(owner, "GET", "/api/v1/users?limit=0").status, 400);
  EXPECT_EQ(server_.As(owner, "GET", "/api/v1/users?cursor=garbage").status, 400);
}

TEST_P(ApiTest, DisablingAUserEndsTheirSessions) {
  auto owner = server_.Login("owner@demo.example");
  auto finance = server_.Login("finance@demo.example");
  auto users = json::parse(server_.As(owner, "GET", "/api/v1/users").body).as_object();
  std::string id;
  for (const auto& u : users["items"].as_array()) {
    if (u.as_object().at("email").as_string() == "finance@demo.example") {
      id = std::string(u.as_object().at("id").as_string());
    }
  }
  ASSERT_FALSE(id.empty());
  auto r = server_.As(owner, "PATCH", "/api/v1/users/" + id, R"({"disabled":true})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(server_.As(finance, "GET", "/api/v1/me").status, 401);
  json::object login{
      {"tenant", "demo"}, {"email", "finance@demo.example"}, {"password", "candor-demo-2026"}};
  auto again = server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                               json::serialize(login));
  EXPECT_EQ(again.status, 403);
  EXPECT_EQ(again.JsonField("code"), "auth.disabled");
}

TEST_P(ApiTest, TheLastOwnerCannotBeDemoted) {
  auto owner = server_.Login("owner@demo.example");
  auto me = json::parse(server_.As(owner, "GET", "/api/v1/me").body).as_object();
  auto r = server_.As(owner, "PATCH", "/api/v1/users/" + std::string(me["id"].as_string()),
                      R"({"role":"recruiter"})");
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.JsonField("code"), "user.last_owner");
}

TEST_P(ApiTest, ApiKeysAuthenticateIntegrationsUntilRevoked) {
  auto owner = server_.Login("owner@demo.example");
  auto created = server_.As(owner, "POST", "/api/v1/api-keys", R"({"name":"HRIS sync"})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string secret = created.JsonField("secret");
  std::string id = created.JsonField("id");
  ASSERT_TRUE(secret.starts_with("ck_"));

  std::string bearer = "Authorization: Bearer " + secret + "\r\n";
  auto me = server_.Request("GET", "/api/v1/me", bearer);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.JsonField("role"), "integration");
  EXPECT_EQ(server_.Request("GET", "/api/v1/users", bearer).status, 403);
  // API keys need no CSRF token: they are not sent by browsers on their own.
  EXPECT_EQ(server_.Request("POST", "/api/v1/auth/logout", bearer).status, 204);

  auto list = server_.As(owner, "GET", "/api/v1/api-keys");
  EXPECT_EQ(list.body.find(secret), std::string::npos) << "the secret is shown only once";
  EXPECT_EQ(server_.As(owner, "DELETE", "/api/v1/api-keys/" + id).status, 204);
  auto after = server_.Request("GET", "/api/v1/me", bearer);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.JsonField("code"), "auth.invalid_api_key");
  EXPECT_EQ(server_.Request("GET", "/api/v1/me", "Authorization: Bearer ck_forged\r\n").status,
            401);
}

TEST_P(ApiTest, OneTenantCannotReachAnothersRecords) {
  auto other = server_.runtime().tenants().Create("rival", "Rival Ltd");
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(server_.runtime()
                  .users()
                  .CreateAsSystem(other->id, {"boss@rival.example", "Boss", "owner",
                                              "rival-password-123", "en-US"})
                  .ok());
  auto demo_owner = server_.Login("owner@demo.example");
  auto rival = server_.Login("boss@rival.example", "rival", "rival-password-123");

  auto demo_users = json::parse(server_.As(demo_owner, "GET", "/api/v1/users").body).as_object();
  std::string victim =
      std::string(demo_users["items"].as_array()[1].as_object().at("id").as_string());
  auto key = server_.As(demo_owner, "POST", "/api/v1/api-keys", R"({"name":"demo key"})");
  std::string key_id = key.JsonField("id");

  EXPECT_EQ(server_.As(rival, "GET", "/api/v1/users/" + victim).status, 404);
  EXPECT_EQ(server_.As(rival, "PATCH", "/api/v1/users/" + victim, R"({"role":"owner"})").status,
            404);
  EXPECT_EQ(server_.As(rival, "DELETE", "/api/v1/api-keys/" + key_id).status, 404);
  auto rival_users = server_.As(rival, "GET", "/api/v1/users");
  EXPECT_EQ(rival_users.body.find("demo.example"), std::string::npos);
  auto rival_audit = server_.As(rival, "GET", "/api/v1/audit");
  EXPECT_EQ(rival_audit.body.find(victim), std::string::npos);
  EXPECT_EQ(rival_audit.body.find(key_id), std::string::npos);
  // The demo tenant's records are untouched.
  EXPECT_EQ(server_.As(demo_owner, "GET", "/api/v1/users/" + victim).status, 200);
  EXPECT_EQ(json::parse(server_.As(demo_owner, "GET", "/api/v1/api-keys").body)
                .as_object()["items"]
                .as_array()[0]
                .as_object()["revoked"]
                .as_bool(),
            false);
}

TEST_P(ApiTest, AuditTrailRecordsChangesAndVerifies) {
  auto owner = server_.Login("owner@demo.example");
  server_.As(owner, "POST", "/api/v1/api-keys", R"({"name":"audited"})");
  auto audit = server_.As(owner, "GET", "/api/v1/audit?limit=5");
  ASSERT_EQ(audit.status, 200);
  auto items = json::parse(audit.body).as_object()["items"].as_array();
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(items[0].as_object()["action"].as_string(), "api_key.create") << "newest first";
  EXPECT_EQ(items[0].as_object()["actor_email"].as_string(), "owner@demo.example");
  EXPECT_EQ(items[0].as_object()["ip"].as_string(), "127.0.0.1");
  auto verify = server_.As(owner, "POST", "/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200);
  auto v = json::parse(verify.body).as_object();
  EXPECT_TRUE(v["ok"].as_bool());
  EXPECT_GE(v["checked"].as_int64(), 9);  // tenant, six users, two logins, one key
}

INSTANTIATE_TEST_SUITE_P(Databases, ApiTest, ::testing::ValuesIn(TestDialects()),
                         [](const auto& info) { return DialectName(info.param); });

}  // namespace
}  // namespace candor::testing
