#include "services/tenant_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "common/ids.hpp"
#include "service_fixture.hpp"

namespace candor::services {
namespace {

class TenantServiceTest : public ServiceTest {};

TEST_P(TenantServiceTest, CreateAndFind) {
  auto created = tenants_->Create("acme-cn", "艾克美 Acme");
  ASSERT_TRUE(created.ok()) << created.error().code;
  EXPECT_EQ(created->slug, "acme-cn");
  EXPECT_EQ(created->name, "艾克美 Acme");
  auto found = tenants_->FindBySlug("acme-cn");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, created->id);
  EXPECT_FALSE(tenants_->FindBySlug("acme"));
  EXPECT_EQ(tenants_->AllTenantIds(), std::vector<std::string>{created->id});
  EXPECT_THAT(AuditActions(created->id), ::testing::ElementsAre("tenant.create"));
}

TEST_P(TenantServiceTest, SlugTaken) {
  ASSERT_TRUE(tenants_->Create("acme", "Acme").ok());
  auto again = tenants_->Create("acme", "Another Acme");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "tenant.slug_taken");
  EXPECT_EQ(tenants_->AllTenantIds().size(), 1u);
  EXPECT_EQ(tenants_->FindBySlug("acme")->name, "Acme");
}

TEST_P(TenantServiceTest, SlugAndNameAreValidated) {
  for (const std::string& slug : std::vector<std::string>{
           "a", "-acme", "acme-", "Acme", "ac me", "ac_me", "艾克美", "", std::string(41, 'a')}) {
    auto r = tenants_->Create(slug, "Acme");
    ASSERT_FALSE(r.ok()) << slug;
    ASSERT_EQ(r.error().fields.size(), 1u) << slug;
    EXPECT_EQ(r.error().fields[0].field, "slug");
    EXPECT_EQ(r.error().fields[0].code, "invalid_slug");
  }
  EXPECT_TRUE(tenants_->Create("ab", "Two letters").ok());
  EXPECT_TRUE(tenants_->Create(std::string(40, 'z'), "Forty letters").ok());
  EXPECT_TRUE(tenants_->Create("a-1", "Digits and hyphen").ok());

  auto no_name = tenants_->Create("named", "");
  ASSERT_FALSE(no_name.ok());
  ASSERT_EQ(no_name.error().fields.size(), 1u);
  EXPECT_EQ(no_name.error().fields[0].code, "required");
  auto long_name = tenants_->Create("named", std::string(201, 'n'));
  ASSERT_FALSE(long_name.ok());
  EXPECT_EQ(long_name.error().fields[0].code, "too_long");
  auto both = tenants_->Create("X", "");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().fields.size(), 2u);
  EXPECT_FALSE(tenants_->FindBySlug("named"));
}

TEST_P(TenantServiceTest, GetReturnsTheCallersTenant) {
  auto created = tenants_->Create("acme", "Acme");
  ASSERT_TRUE(created.ok());
  Caller caller;
  caller.principal.tenant_id = created->id;
  auto got = tenants_->Get(caller);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->slug, "acme");
  caller.principal.tenant_id = NewId();
  auto missing = tenants_->Get(caller);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, "resource.not_found");
}

TEST_P(TenantServiceTest, SeedDemoCreatesOneSignInPerRole) {
  auto logins = SeedDemo(*tenants_, *users_);
  ASSERT_TRUE(logins.ok()) << logins.error().code;
  ASSERT_EQ(logins->size(), 6u);
  std::set<std::string> roles;
  for (const auto& login : *logins) {
    roles.insert(login.role);
    auto signed_in = Login(kDemoTenant, login.email, kDemoPassword);
    ASSERT_TRUE(signed_in.ok()) << login.email;
    EXPECT_EQ(domain::RoleName(signed_in->principal.role), login.role);
  }
  EXPECT_EQ(roles.size(), 6u);
}

TEST_P(TenantServiceTest, SeedDemoTwiceChangesNothing) {
  auto first = SeedDemo(*tenants_, *users_);
  ASSERT_TRUE(first.ok()) << first.error().code;
  auto tenant = tenants_->FindBySlug(kDemoTenant);
  ASSERT_TRUE(tenant);
  auto owner_login = Login(kDemoTenant, "owner@demo.example", kDemoPassword);
  ASSERT_TRUE(owner_login.ok());
  Caller owner{owner_login->principal, {"127.0.0.1", "req-test"}};
  auto users_before = users_->List(owner, std::nullopt, 200);
  ASSERT_TRUE(users_before.ok());
  auto audit_before = AuditActions(tenant->id).size();

  auto second = SeedDemo(*tenants_, *users_);
  ASSERT_TRUE(second.ok()) << second.error().code;
  ASSERT_EQ(second->size(), first->size());
  for (size_t i = 0; i < first->size(); ++i) {
    EXPECT_EQ((*second)[i].email, (*first)[i].email);
    EXPECT_EQ((*second)[i].role, (*first)[i].role);
  }
  EXPECT_EQ(tenants_->AllTenantIds().size(), 1u);
  auto users_after = users_->List(owner, std::nullopt, 200);
  ASSERT_TRUE(users_after.ok());
  ASSERT_EQ(users_after->items.size(), users_before->items.size());
  for (size_t i = 0; i < users_after->items.size(); ++i) {
    EXPECT_EQ(users_after->items[i].id, users_before->items[i].id);
    EXPECT_EQ(users_after->items[i].email, users_before->items[i].email);
  }
  EXPECT_EQ(AuditActions(tenant->id).size(), audit_before);
  EXPECT_TRUE(audit_->Verify(tenant->id).ok);
}

INSTANTIATE_TEST_SUITE_P(Dialects, TenantServiceTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::services
