// The hand-written /me body must be the very document the general serialiser produces.
#include <gtest/gtest.h>

#include "api/serialize.hpp"

namespace candor::api {
namespace {

TEST(MeBody, MatchesMeJsonForEveryRoleAndAwkwardText) {
  for (auto role : domain::AllRoles()) {
    services::Principal p;
    p.tenant_id = "01900000-0000-7000-8000-000000000001";
    p.tenant_slug = "demo";
    p.tenant_name = "演示公司 \"Demo\" \\ Co.\n\t\x01";
    p.user_id = "01900000-0000-7000-8000-000000000002";
    p.email = "owner@demo.example";
    p.display_name = "王芳 </script>";
    p.role = role;
    p.locale = "zh-CN";
    p.csrf_token = "tok-_123";
    boost::system::error_code ec;
    auto parsed = json::parse(MeBody(p), ec);
    ASSERT_FALSE(ec) << MeBody(p);
    EXPECT_EQ(parsed, json::value(MeJson(p))) << domain::RoleName(role);
  }
}

}  // namespace
}  // namespace candor::api
