#include "services/api_key_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/ids.hpp"
#include "service_fixture.hpp"

namespace candor::services {
namespace {

using std::chrono::seconds;

class ApiKeyServiceTest : public AcmeServiceTest {};

TEST_P(ApiKeyServiceTest, CreatedKeyAuthenticatesAsAnIntegration) {
  auto created = api_keys_->Create(owner_caller_, "HRIS 同步");
  ASSERT_TRUE(created.ok()) << created.error().code;
  EXPECT_EQ(created->secret.substr(0, 3), "ck_");
  EXPECT_GE(created->secret.size(), 40u);
  EXPECT_EQ(created->key.prefix, created->secret.substr(0, 10));
  EXPECT_EQ(created->key.name, "HRIS 同步");
  EXPECT_EQ(created->key.role, "integration");
  EXPECT_FALSE(created->key.revoked);

  auto p = auth_->AuthenticateApiKey(created->secret);
  ASSERT_TRUE(p.ok()) << p.error().code;
  EXPECT_EQ(p->tenant_id, acme_.id);
  EXPECT_EQ(p->tenant_slug, "acme");
  EXPECT_EQ(p->role, domain::Role::kIntegration);
  EXPECT_EQ(p->api_key_id, created->key.id);
  EXPECT_EQ(p->user_id, owner_.id);
  EXPECT_TRUE(p->csrf_token.empty());
  EXPECT_TRUE(p->Can(domain::Permission::kCandidatesWrite));
  EXPECT_FALSE(p->Can(domain::Permission::kAuditRead));
}

TEST_P(ApiKeyServiceTest, EachKeyIsDifferent) {
  auto a = api_keys_->Create(owner_caller_, "one");
  auto b = api_keys_->Create(owner_caller_, "two");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->secret, b->secret);
  EXPECT_NE(a->key.id, b->key.id);
}

TEST_P(ApiKeyServiceTest, SecretIsNeverStoredInPlainText) {
  auto created = api_keys_->Create(owner_caller_, "HRIS");
  ASSERT_TRUE(created.ok());
  const std::string& secret = created->secret;
  std::string random_part = secret.substr(3);
  std::string hidden_part = secret.substr(10);  // everything past the displayed prefix
  auto cells = TextCells("api_keys");
  EXPECT_THAT(cells, ::testing::Contains(created->key.id));
  for (const auto& cell : cells) {
    EXPECT_EQ(cell.find(random_part), std::string::npos) << cell;
    EXPECT_EQ(cell.find(hidden_part), std::string::npos) << cell;
  }
  for (const auto& cell : TextCells("audit_log")) {
    EXPECT_EQ(cell.find(hidden_part), std::string::npos) << cell;
  }
  // The listing shows the prefix to recognise a key, never the secret.
  auto list = api_keys_->List(owner_caller_, std::nullopt, std::nullopt);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].prefix, secret.substr(0, 10));
}

TEST_P(ApiKeyServiceTest, WrongOrMalformedKeysAreRefused) {
  auto created = api_keys_->Create(owner_caller_, "HRIS");
  ASSERT_TRUE(created.ok());
  std::string altered = created->secret;
  altered.back() = altered.back() == 'A' ? 'B' : 'A';
  for (std::string key :
       {altered, created->secret.substr(3), created->secret + "x", created->key.prefix,
        std::string("ck_"), std::string(), "ck_" + std::string(200, 'a')}) {
    auto p = auth_->AuthenticateApiKey(key);
    ASSERT_FALSE(p.ok()) << key;
    EXPECT_EQ(p.error().code, "auth.invalid_api_key");
  }
}

TEST_P(ApiKeyServiceTest, RevokedKeyIsRejectedAtOnce) {
  auto created = api_keys_->Create(owner_caller_, "HRIS");
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(auth_->AuthenticateApiKey(created->secret).ok());  // now cached
  ASSERT_TRUE(api_keys_->Revoke(owner_caller_, created->key.id).ok());
  auto p = auth_->AuthenticateApiKey(created->secret);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, "auth.invalid_api_key");

  auto again = api_keys_->Revoke(owner_caller_, created->key.id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, "resource.not_found");
  auto list = api_keys_->List(owner_caller_, std::nullopt, std::nullopt);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_TRUE(list->items[0].revoked);
}

TEST_P(ApiKeyServiceTest, AnotherOrganisationCannotRevokeTheKey) {
  auto created = api_keys_->Create(owner_caller_, "HRIS");
  ASSERT_TRUE(created.ok());
  auto globex = CreateTenant("globex");
  CreateUser(globex.id, "carol@globex.example", "owner");
  Caller carol = SignIn("globex", "carol@globex.example");
  auto r = api_keys_->Revoke(carol, created->key.id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "resource.not_found");
  EXPECT_TRUE(auth_->AuthenticateApiKey(created->secret).ok());
  auto theirs = api_keys_->List(carol, std::nullopt, std::nullopt);
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->items.empty());
}

TEST_P(ApiKeyServiceTest, RevokeOfUnknownOrMalformedIdIsNotFound) {
  for (std::string id : {NewId(), std::string("nope"), std::string()}) {
    auto r = api_keys_->Revoke(owner_caller_, id);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "resource.not_found");
  }
}

TEST_P(ApiKeyServiceTest, NameIsValidated) {
  auto empty = api_keys_->Create(owner_caller_, "");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, "validation.failed");
  ASSERT_EQ(empty.error().fields.size(), 1u);
  EXPECT_EQ(empty.error().fields[0].field, "name");
  EXPECT_EQ(empty.error().fields[0].code, "required");

  auto long_name = api_keys_->Create(owner_caller_, std::string(101, 'k'));
  ASSERT_FALSE(long_name.ok());
  ASSERT_EQ(long_name.error().fields.size(), 1u);
  EXPECT_EQ(long_name.error().fields[0].code, "too_long");
  EXPECT_EQ(long_name.error().fields[0].arg, "100");

  std::string hundred_chinese;
  for (int i = 0; i < 100; ++i) {
    hundred_chinese += "键";
  }
  EXPECT_TRUE(api_keys_->Create(owner_caller_, hundred_chinese).ok());
  auto list = api_keys_->List(owner_caller_, std::nullopt, std::nullopt);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->items.size(), 1u);
}

TEST_P(ApiKeyServiceTest, UseIsRecordedOnTheKey) {
  auto created = api_keys_->Create(owner_caller_, "HRIS");
  ASSERT_TRUE(created.ok());
  EXPECT_FALSE(created->key.last_used_at);
  clock_.Advance(seconds(5));
  ASSERT_TRUE(auth_->AuthenticateApiKey(created->secret).ok());
  auto list = api_keys_->List(owner_caller_, std::nullopt, std::nullopt);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].last_used_at, "2026-11-21T10:00:05.000Z");
}

TEST_P(ApiKeyServiceTest, ListPagesAndRejectsABadCursor) {
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    clock_.Advance(seconds(1));
    auto k = api_keys_->Create(owner_caller_, "key " + std::to_string(i));
    ASSERT_TRUE(k.ok());
    ids.push_back(k->key.id);
  }
  auto first = api_keys_->List(owner_caller_, std::nullopt, 2);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 2u);
  ASSERT_TRUE(first->next_cursor);
  auto second = api_keys_->List(owner_caller_, first->next_cursor, 2);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_FALSE(second->next_cursor);
  EXPECT_EQ(first->items[0].id, ids[0]);
  EXPECT_EQ(first->items[1].id, ids[1]);
  EXPECT_EQ(second->items[0].id, ids[2]);

  auto bad = api_keys_->List(owner_caller_, std::string("garbage"), 2);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, "validation.failed");
}

TEST_P(ApiKeyServiceTest, CreateAndRevokeAreAudited) {
  auto created = api_keys_->Create(owner_caller_, "HRIS");
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(api_keys_->Revoke(owner_caller_, created->key.id).ok());
  auto actions = AuditActions(acme_.id);
  ASSERT_GE(actions.size(), 2u);
  EXPECT_EQ(actions[actions.size() - 2], "api_key.create");
  EXPECT_EQ(actions.back(), "api_key.revoke");
}

INSTANTIATE_TEST_SUITE_P(Dialects, ApiKeyServiceTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::services
