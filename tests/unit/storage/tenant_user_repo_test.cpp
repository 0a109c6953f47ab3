#include <gtest/gtest.h>
#include <soci/soci.h>

#include "storage_fixture.hpp"

namespace candor::storage {
namespace {

class TenantUserRepoTest : public StorageTest {};

TEST_P(TenantUserRepoTest, TenantsAreFoundBySlugAndId) {
  soci::session sql(db_->pool());
  auto acme = AddTenant(sql, "acme");
  auto by_slug = FindTenantBySlug(sql, "acme");
  ASSERT_TRUE(by_slug);
  EXPECT_EQ(by_slug->id, acme.id);
  EXPECT_EQ(by_slug->name, "Org acme");
  EXPECT_EQ(by_slug->created_at, acme.created_at);
  auto by_id = FindTenantById(sql, acme.id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->slug, "acme");
  EXPECT_FALSE(FindTenantBySlug(sql, "ACME"));
  EXPECT_FALSE(FindTenantBySlug(sql, "other"));
  EXPECT_FALSE(FindTenantById(sql, NextId()));
  // Bound as a value, never spliced into the SQL.
  EXPECT_FALSE(FindTenantBySlug(sql, "' OR '1'='1"));
}

TEST_P(TenantUserRepoTest, TenantIdsAreListedInOrder) {
  soci::session sql(db_->pool());
  EXPECT_TRUE(ListTenantIds(sql).empty());
  auto a = AddTenant(sql, "a-org");
  auto b = AddTenant(sql, "b-org");
  EXPECT_EQ(ListTenantIds(sql), (std::vector<std::string>{a.id, b.id}));
}

TEST_P(TenantUserRepoTest, DuplicateSlugIsAUniqueViolation) {
  soci::session sql(db_->pool());
  AddTenant(sql, "acme");
  try {
    AddTenant(sql, "acme");
    FAIL() << "duplicate slug stored";
  } catch (const std::exception& e) {
    EXPECT_TRUE(IsUniqueViolation(e)) << e.what();
  }
  EXPECT_EQ(ListTenantIds(sql).size(), 1u);
}

TEST_P(TenantUserRepoTest, UserRowRoundTripsEveryColumn) {
  soci::session sql(db_->pool());
  auto tenant = AddTenant(sql, "acme");
  UserRow row = MakeUser(tenant.id, "idx-alice", "owner");
  row.disabled = true;
  row.failed_logins = 3;
  row.locked_until = "2026-11-21T10:15:00.000Z";
  row.locale = "en-US";
  InsertUser(sql, row);

  auto found = FindUserById(sql, tenant.id, row.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, row.id);
  EXPECT_EQ(found->tenant_id, tenant.id);
  EXPECT_EQ(found->email_index, "idx-alice");
  EXPECT_EQ(found->email_sealed, row.email_sealed);
  EXPECT_EQ(found->name_sealed, row.name_sealed);
  EXPECT_EQ(found->role, "owner");
  EXPECT_EQ(found->locale, "en-US");
  EXPECT_EQ(found->password_hash, row.password_hash);
  EXPECT_TRUE(found->disabled);
  EXPECT_EQ(found->failed_logins, 3);
  EXPECT_EQ(found->locked_until, row.locked_until);
  EXPECT_EQ(found->created_at, row.created_at);
  EXPECT_EQ(found->updated_at, row.updated_at);

  auto by_email = FindUserByEmailIndex(sql, tenant.id, "idx-alice");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(by_email->id, row.id);
  EXPECT_FALSE(FindUserByEmailIndex(sql, tenant.id, "idx-bob"));
  EXPECT_FALSE(FindUserById(sql, tenant.id, NextId()));
}

TEST_P(TenantUserRepoTest, UnlockedUserHasNoLockTime) {
  soci::session sql(db_->pool());
  auto tenant = AddTenant(sql, "acme");
  auto row = AddUser(sql, tenant.id, "idx-a");
  auto found = FindUserById(sql, tenant.id, row.id);
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->locked_until.has_value());
  EXPECT_FALSE(found->disabled);
  EXPECT_EQ(found->failed_logins, 0);
}

TEST_P(TenantUserRepoTest, UpdateWritesTheChangedColumns) {
  soci::session sql(db_->pool());
  auto tenant = AddTenant(sql, "acme");
  auto row = AddUser(sql, tenant.id, "idx-a");
  row.role = "finance";
  row.locale = "en-US";
  row.name_sealed = "v1.k1.new-name";
  row.password_hash = "$argon2id$new";
  row.disabled = true;
  row.failed_logins = 2;
  row.locked_until = "2026-11-21T11:00:00.000Z";
  row.updated_at = "2026-11-21T10:30:00.000Z";
  UpdateUser(sql, row);
  auto found = FindUserById(sql, tenant.id, row.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->role, "finance");
  EXPECT_EQ(found->locale, "en-US");
  EXPECT_EQ(found->name_sealed, "v1.k1.new-name");
  EXPECT_EQ(found->password_hash, "$argon2id$new");
  EXPECT_TRUE(found->disabled);
  EXPECT_EQ(found->failed_logins, 2);
  EXPECT_EQ(found->locked_until, "2026-11-21T11:00:00.000Z");
  EXPECT_EQ(found->updated_at, "2026-11-21T10:30:00.000Z");

  row.locked_until.reset();
  UpdateUser(sql, row);
  EXPECT_FALSE(FindUserById(sql, tenant.id, row.id)->locked_until.has_value());
}

TEST_P(TenantUserRepoTest, SameEmailInOneTenantIsAUniqueViolation) {
  soci::session sql(db_->pool());
  auto tenant = AddTenant(sql, "acme");
  AddUser(sql, tenant.id, "idx-a");
  try {
    AddUser(sql, tenant.id, "idx-a");
    FAIL() << "two users with one e-mail in one tenant";
  } catch (const std::exception& e) {
    EXPECT_TRUE(IsUniqueViolation(e)) << e.what();
  }
  EXPECT_EQ(ListUsers(sql, tenant.id, "", 10).size(), 1u);
}

TEST_P(TenantUserRepoTest, SameEmailInAnotherTenantIsAllowed) {
  soci::session sql(db_->pool());
  auto acme = AddTenant(sql, "acme");
  auto globex = AddTenant(sql, "globex");
  auto a = AddUser(sql, acme.id, "idx-a");
  auto b = AddUser(sql, globex.id, "idx-a");
  EXPECT_EQ(FindUserByEmailIndex(sql, acme.id, "idx-a")->id, a.id);
  EXPECT_EQ(FindUserByEmailIndex(sql, globex.id, "idx-a")->id, b.id);
}

TEST_P(TenantUserRepoTest, OtherTenantsUsersAreInvisible) {
  soci::session sql(db_->pool());
  auto acme = AddTenant(sql, "acme");
  auto globex = AddTenant(sql, "globex");
  auto alice = AddUser(sql, acme.id, "idx-alice");
  auto bob = AddUser(sql, globex.id, "idx-bob");

  EXPECT_FALSE(FindUserById(sql, globex.id, alice.id));
  EXPECT_FALSE(FindUserByEmailIndex(sql, globex.id, "idx-alice"));
  auto acme_users = ListUsers(sql, acme.id, "", 100);
  ASSERT_EQ(acme_users.size(), 1u);
  EXPECT_EQ(acme_users[0].id, alice.id);
  auto globex_users = ListUsers(sql, globex.id, "", 100);
  ASSERT_EQ(globex_users.size(), 1u);
  EXPECT_EQ(globex_users[0].id, bob.id);
  // A cursor taken from another tenant does not leak its rows either.
  for (const auto& u : ListUsers(sql, globex.id, alice.id, 100)) {
    EXPECT_EQ(u.tenant_id, globex.id);
  }
}

TEST_P(TenantUserRepoTest, UpdateWithAnotherTenantIdChangesNothing) {
  soci::session sql(db_->pool());
  auto acme = AddTenant(sql, "acme");
  auto globex = AddTenant(sql, "globex");
  auto alice = AddUser(sql, acme.id, "idx-alice");
  UserRow forged = alice;
  forged.tenant_id = globex.id;
  forged.role = "owner";
  UpdateUser(sql, forged);
  EXPECT_EQ(FindUserById(sql, acme.id, alice.id)->role, "recruiter");
}

TEST_P(TenantUserRepoTest, UsersArePagedByIdWithoutGapsOrRepeats) {
  soci::session sql(db_->pool());
  auto tenant = AddTenant(sql, "acme");
  auto other = AddTenant(sql, "other");
  std::vector<std::string> created;
  for (int i = 0; i < 5; ++i) {
    created.push_back(AddUser(sql, tenant.id, "idx-" + std::to_string(i)).id);
    AddUser(sql, other.id, "idx-" + std::to_string(i));  // interleaved, never listed
  }
  std::vector<std::string> seen;
  std::string after;
  std::vector<size_t> page_sizes;
  for (;;) {
    auto page = ListUsers(sql, tenant.id, after, 2);
    if (page.empty()) {
      break;
    }
    page_sizes.push_back(page.size());
    for (const auto& u : page) {
      seen.push_back(u.id);
    }
    after = page.back().id;
  }
  EXPECT_EQ(seen, created);
  EXPECT_EQ(page_sizes, (std::vector<size_t>{2, 2, 1}));
}

TEST_P(TenantUserRepoTest, CountActiveOwnersIgnoresDisabledAndOtherRolesAndTenants) {
  soci::session sql(db_->pool());
  auto tenant = AddTenant(sql, "acme");
  auto other = AddTenant(sql, "other");
  EXPECT_EQ(CountActiveOwners(sql, tenant.id), 0);
  AddUser(sql, tenant.id, "idx-1", "owner");
  auto second = AddUser(sql, tenant.id, "idx-2", "owner");
  AddUser(sql, tenant.id, "idx-3", "recruiter");
  AddUser(sql, other.id, "idx-4", "owner");
  EXPECT_EQ(CountActiveOwners(sql, tenant.id), 2);
  second.disabled = true;
  UpdateUser(sql, second);
  EXPECT_EQ(CountActiveOwners(sql, tenant.id), 1);
}

INSTANTIATE_TEST_SUITE_P(Dialects, TenantUserRepoTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::storage
