#include <gtest/gtest.h>
#include <soci/soci.h>

#include "storage_fixture.hpp"

namespace candor::storage {
namespace {

class SessionKeyRepoTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    soci::session sql(db_->pool());
    acme_ = AddTenant(sql, "acme");
    globex_ = AddTenant(sql, "globex");
    alice_ = AddUser(sql, acme_.id, "idx-alice", "owner");
    bob_ = AddUser(sql, acme_.id, "idx-bob");
    carol_ = AddUser(sql, globex_.id, "idx-carol", "owner");
  }

  SessionRow MakeSession(const UserRow& user, const std::string& token_hash,
                         const std::string& expires_at) {
    return {token_hash, user.tenant_id, user.id, "csrf-" + token_hash, "2026-11-21T10:00:00.000Z",
            expires_at, "203.0.113.9"};
  }

  TenantRow acme_, globex_;
  UserRow alice_, bob_, carol_;
};

TEST_P(SessionKeyRepoTest, SessionRoundTripAndDelete) {
  soci::session sql(db_->pool());
  InsertSession(sql, MakeSession(alice_, "h1", "2026-11-21T22:00:00.000Z"));
  auto found = FindSession(sql, "h1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->tenant_id, acme_.id);
  EXPECT_EQ(found->user_id, alice_.id);
  EXPECT_EQ(found->csrf_token, "csrf-h1");
  EXPECT_EQ(found->expires_at, "2026-11-21T22:00:00.000Z");
  EXPECT_EQ(found->ip, "203.0.113.9");
  EXPECT_FALSE(FindSession(sql, "h2"));
  DeleteSession(sql, "h1");
  EXPECT_FALSE(FindSession(sql, "h1"));
  DeleteSession(sql, "h1");  // deleting twice is harmless
}

TEST_P(SessionKeyRepoTest, DuplicateTokenHashIsAUniqueViolation) {
  soci::session sql(db_->pool());
  InsertSession(sql, MakeSession(alice_, "h1", "2026-11-21T22:00:00.000Z"));
  try {
    InsertSession(sql, MakeSession(bob_, "h1", "2026-11-21T22:00:00.000Z"));
    FAIL() << "two sessions with one token";
  } catch (const std::exception& e) {
    EXPECT_TRUE(IsUniqueViolation(e)) << e.what();
  }
  EXPECT_EQ(FindSession(sql, "h1")->user_id, alice_.id);
}

TEST_P(SessionKeyRepoTest, DeleteSessionsOfUserLeavesOthers) {
  soci::session sql(db_->pool());
  InsertSession(sql, MakeSession(alice_, "a1", "2026-11-21T22:00:00.000Z"));
  InsertSession(sql, MakeSession(alice_, "a2", "2026-11-21T22:00:00.000Z"));
  InsertSession(sql, MakeSession(bob_, "b1", "2026-11-21T22:00:00.000Z"));
  InsertSession(sql, MakeSession(carol_, "c1", "2026-11-21T22:00:00.000Z"));
  // The wrong tenant removes nothing.
  DeleteSessionsOfUser(sql, globex_.id, alice_.id);
  EXPECT_TRUE(FindSession(sql, "a1"));
  DeleteSessionsOfUser(sql, acme_.id, alice_.id);
  EXPECT_FALSE(FindSession(sql, "a1"));
  EXPECT_FALSE(FindSession(sql, "a2"));
  EXPECT_TRUE(FindSession(sql, "b1"));
  EXPECT_TRUE(FindSession(sql, "c1"));
}

TEST_P(SessionKeyRepoTest, DeleteExpiredSessionsRemovesOnlyExpiredOnes) {
  soci::session sql(db_->pool());
  InsertSession(sql, MakeSession(alice_, "old", "2026-11-21T09:59:59.999Z"));
  InsertSession(sql, MakeSession(alice_, "edge", "2026-11-21T10:00:00.000Z"));
  InsertSession(sql, MakeSession(bob_, "new", "2026-11-21T10:00:00.001Z"));
  EXPECT_EQ(DeleteExpiredSessions(sql, "2026-11-21T10:00:00.000Z"), 2);
  EXPECT_FALSE(FindSession(sql, "old"));
  EXPECT_FALSE(FindSession(sql, "edge"));
  EXPECT_TRUE(FindSession(sql, "new"));
  EXPECT_EQ(DeleteExpiredSessions(sql, "2026-11-21T10:00:00.000Z"), 0);
}

TEST_P(SessionKeyRepoTest, ApiKeyRoundTrip) {
  soci::session sql(db_->pool());
  auto key = MakeKey(acme_, alice_, "secret-1");
  InsertApiKey(sql, key);
  auto found = FindApiKeyBySecretHash(sql, "hash-secret-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, key.id);
  EXPECT_EQ(found->tenant_id, acme_.id);
  EXPECT_EQ(found->name, key.name);
  EXPECT_EQ(found->prefix, key.prefix);
  EXPECT_EQ(found->role, "integration");
  EXPECT_EQ(found->created_by, alice_.id);
  EXPECT_EQ(found->created_at, key.created_at);
  EXPECT_FALSE(found->last_used_at);
  EXPECT_FALSE(found->revoked_at);
  EXPECT_FALSE(FindApiKeyBySecretHash(sql, "hash-secret-2"));

  TouchApiKey(sql, key.id, "2026-11-21T12:00:00.000Z");
  EXPECT_EQ(FindApiKeyBySecretHash(sql, "hash-secret-1")->last_used_at, "2026-11-21T12:00:00.000Z");
}

TEST_P(SessionKeyRepoTest, DuplicateSecretHashIsAUniqueViolation) {
  soci::session sql(db_->pool());
  InsertApiKey(sql, MakeKey(acme_, alice_, "secret-1"));
  try {
    InsertApiKey(sql, MakeKey(globex_, carol_, "secret-1"));
    FAIL() << "two keys with one secret";
  } catch (const std::exception& e) {
    EXPECT_TRUE(IsUniqueViolation(e)) << e.what();
  }
}

TEST_P(SessionKeyRepoTest, ApiKeyCreatorMustExist) {
  soci::session sql(db_->pool());
  UserRow ghost = MakeUser(acme_.id, "idx-ghost");
  EXPECT_THROW(InsertApiKey(sql, MakeKey(acme_, ghost, "secret-1")), soci::soci_error);
}

TEST_P(SessionKeyRepoTest, RevokeOnlyWithinTheTenantAndOnlyOnce) {
  soci::session sql(db_->pool());
  auto key = MakeKey(acme_, alice_, "secret-1");
  InsertApiKey(sql, key);
  EXPECT_FALSE(RevokeApiKey(sql, globex_.id, key.id, "2026-11-21T11:00:00.000Z"));
  EXPECT_FALSE(FindApiKeyBySecretHash(sql, "hash-secret-1")->revoked_at);
  EXPECT_FALSE(RevokeApiKey(sql, acme_.id, NextId(), "2026-11-21T11:00:00.000Z"));

  EXPECT_TRUE(RevokeApiKey(sql, acme_.id, key.id, "2026-11-21T11:00:00.000Z"));
  EXPECT_EQ(FindApiKeyBySecretHash(sql, "hash-secret-1")->revoked_at, "2026-11-21T11:00:00.000Z");
  // A second revocation reports nothing to revoke and keeps the first time.
  EXPECT_FALSE(RevokeApiKey(sql, acme_.id, key.id, "2026-11-21T12:00:00.000Z"));
  EXPECT_EQ(FindApiKeyBySecretHash(sql, "hash-secret-1")->revoked_at, "2026-11-21T11:00:00.000Z");
}

TEST_P(SessionKeyRepoTest, ApiKeysArePagedPerTenant) {
  soci::session sql(db_->pool());
  std::vector<std::string> acme_keys;
  for (int i = 0; i < 3; ++i) {
    auto key = MakeKey(acme_, alice_, "acme-" + std::to_string(i));
    InsertApiKey(sql, key);
    acme_keys.push_back(key.id);
    InsertApiKey(sql, MakeKey(globex_, carol_, "globex-" + std::to_string(i)));
  }
  auto first = ListApiKeys(sql, acme_.id, "", 2);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0].id, acme_keys[0]);
  EXPECT_EQ(first[1].id, acme_keys[1]);
  auto second = ListApiKeys(sql, acme_.id, first.back().id, 2);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].id, acme_keys[2]);
  EXPECT_TRUE(ListApiKeys(sql, acme_.id, second.back().id, 2).empty());
  for (const auto& k : ListApiKeys(sql, globex_.id, "", 100)) {
    EXPECT_EQ(k.tenant_id, globex_.id);
  }
  EXPECT_EQ(ListApiKeys(sql, globex_.id, "", 100).size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Dialects, SessionKeyRepoTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::storage
