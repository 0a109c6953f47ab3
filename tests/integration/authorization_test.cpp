// Every route, called with no session and as every role: the expectations are written out
// here, independently of the server's permission table, and a route without an expectation
// fails the test.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include "harness.hpp"

namespace candor::testing {
namespace {

struct Expectation {
  bool is_public = false;
  std::optional<std::string> permission;  ///< nullopt: any signed-in caller
};

const std::map<std::string, Expectation>& Expectations() {
  static const std::map<std::string, Expectation> kRoutes = {
      {"GET /healthz", {true, {}}},
      {"GET /readyz", {true, {}}},
      {"GET /metrics", {true, {}}},
      {"POST /api/v1/auth/login", {true, {}}},
      {"POST /api/v1/auth/logout", {false, {}}},
      {"GET /api/v1/me", {false, {}}},
      {"GET /api/v1/tenant", {false, {}}},
      {"GET /api/v1/users", {false, "users.manage"}},
      {"POST /api/v1/users", {false, "users.manage"}},
      {"GET /api/v1/users/{id}", {false, "users.manage"}},
      {"PATCH /api/v1/users/{id}", {false, "users.manage"}},
      {"GET /api/v1/api-keys", {false, "api_keys.manage"}},
      {"POST /api/v1/api-keys", {false, "api_keys.manage"}},
      {"DELETE /api/v1/api-keys/{id}", {false, "api_keys.manage"}},
      {"GET /api/v1/audit", {false, "audit.read"}},
      {"POST /api/v1/audit/verify", {false, "audit.read"}},
  };
  return kRoutes;
}

// Who holds the administrative permissions: only the owner.
const std::map<std::string, std::set<std::string>>& Grants() {
  static const std::map<std::string, std::set<std::string>> kGrants = {
      {"owner@demo.example", {"users.manage", "api_keys.manage", "audit.read"}},
      {"recruiter@demo.example", {}},
      {"manager@demo.example", {}},
      {"interviewer@demo.example", {}},
      {"finance@demo.example", {}},
      {"integration@demo.example", {}},
  };
  return kGrants;
}

std::string Fill(std::string pattern) {
  // A well-formed id that exists nowhere: a permitted caller gets 404, never 401/403.
  auto pos = pattern.find("{id}");
  if (pos != std::string::npos) {
    pattern.replace(pos, 4, "01900000-0000-7000-8000-000000000000");
  }
  return pattern;
}

TEST(Authorization, EveryRouteHasAnExpectation) {
  TestServer server;
  for (const auto& route : server.runtime().router().routes()) {
    EXPECT_TRUE(Expectations().contains(route.method + " " + route.pattern))
        << route.method << " " << route.pattern << " has no authorization expectation";
  }
  EXPECT_EQ(Expectations().size(), server.runtime().router().routes().size());
}

TEST(Authorization, EveryRouteWithoutASessionAndAsEveryRole) {
  TestServer server;
  for (const auto& route : server.runtime().router().routes()) {
    std::string key = route.method + " " + route.pattern;
    auto it = Expectations().find(key);
    ASSERT_NE(it, Expectations().end()) << key;
    const Expectation& expect = it->second;
    std::string target = Fill(route.pattern);
    std::string body = route.method == "GET" || route.method == "DELETE" ? "" : "{}";

    auto anonymous =
        server.Request(route.method, target, "Content-Type: application/json\r\n", body);
    if (expect.is_public) {
      EXPECT_NE(anonymous.status, 401) << key;
      EXPECT_NE(anonymous.status, 403) << key;
      continue;
    }
    EXPECT_EQ(anonymous.status, 401) << key;
    EXPECT_EQ(anonymous.JsonField("code"), "auth.required") << key;

    for (const auto& [email, grants] : Grants()) {
      auto session = server.Login(email);  // fresh each time: logout ends a session
      auto r = server.As(session, route.method, target, body);
      bool allowed = !expect.permission || grants.contains(*expect.permission);
      if (allowed) {
        EXPECT_NE(r.status, 401) << key << " as " << email << ": " << r.body;
        EXPECT_NE(r.status, 403) << key << " as " << email << ": " << r.body;
        EXPECT_LT(r.status, 500) << key << " as " << email << ": " << r.body;
      } else {
        EXPECT_EQ(r.status, 403) << key << " as " << email;
        EXPECT_EQ(r.JsonField("code"), "auth.forbidden") << key << " as " << email;
      }
    }
  }
}

TEST(Authorization, ForbiddenCallsChangeNothing) {
  TestServer server;
  auto recruiter = server.Login("recruiter@demo.example");
  auto r = server.As(
      recruiter, "POST", "/api/v1/users",
      R"({"email":"sneaky@demo.example","display_name":"S","role":"owner","password":"a-long-enough-password"})");
  EXPECT_EQ(r.status, 403);
  auto owner = server.Login("owner@demo.example");
  EXPECT_EQ(server.As(owner, "GET", "/api/v1/users").body.find("sneaky@"), std::string::npos);
}

}  // namespace
}  // namespace candor::testing
