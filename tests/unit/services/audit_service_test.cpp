#include "services/audit_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/ids.hpp"
#include "service_fixture.hpp"
#include "storage/records.hpp"

namespace candor::services {
namespace {

using ::testing::HasSubstr;

// Every kind of change the services record, made through the services, in one tenant.
class AuditServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) {
      return;
    }
    acme_ = CreateTenant("acme");                                  // tenant.create
    owner_ = CreateUser(acme_.id, "owner@acme.example", "owner");  // user.create
    owner_caller_ = SignIn("acme", "owner@acme.example");          // user.login
    auto bob = users_->Create(owner_caller_, {"bob@acme.example", "Bob", "recruiter", kPassword,
                                              "en-US"});  // user.create
    ASSERT_TRUE(bob.ok());
    bob_id_ = bob->id;
    (void)Login("acme", "bob@acme.example", "wrong password!");  // user.login_failed
    auto bob_login = Login("acme", "bob@acme.example");          // user.login
    ASSERT_TRUE(bob_login.ok());
    auth_->Logout(bob_login->session_token, {bob_login->principal, {"10.1.1.1", "r"}});  // logout
    UserChanges changes;
    changes.role = "hiring_manager";
    ASSERT_TRUE(users_->Update(owner_caller_, bob_id_, changes).ok());  // user.update
    auto key = api_keys_->Create(owner_caller_, "HRIS");                // api_key.create
    ASSERT_TRUE(key.ok());
    ASSERT_TRUE(api_keys_->Revoke(owner_caller_, key->key.id).ok());  // api_key.revoke
  }

  void DropAppendOnlyTriggers() {
    soci::session sql(db_->pool());
    if (GetParam() == storage::Dialect::kSqlite) {
      sql << "DROP TRIGGER audit_log_no_update";
      sql << "DROP TRIGGER audit_log_no_delete";
    } else {
      sql << "DROP TRIGGER audit_log_no_change ON audit_log";
    }
  }

  void Exec(const std::string& statement, int64_t seq) {
    soci::session sql(db_->pool());
    long long s = seq;
    sql << statement, soci::use(acme_.id), soci::use(s);
  }

  static constexpr int64_t kEntries = 10;
  storage::TenantRow acme_;
  UserView owner_;
  Caller owner_caller_;
  std::string bob_id_;
};

TEST_P(AuditServiceTest, EveryActionIsRecordedInOrder) {
  EXPECT_THAT(AuditActions(acme_.id),
              ::testing::ElementsAre("tenant.create", "user.create", "user.login", "user.create",
                                     "user.login_failed", "user.login", "user.logout",
                                     "user.update", "api_key.create", "api_key.revoke"));
}

TEST_P(AuditServiceTest, IntactChainVerifies) {
  auto report = audit_->Verify(acme_.id);
  EXPECT_TRUE(report.ok) << report.reason;
  EXPECT_EQ(report.checked, kEntries);
  EXPECT_FALSE(report.first_broken_seq);
}

TEST_P(AuditServiceTest, EmptyChainVerifies) {
  auto report = audit_->Verify(NewId());
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.checked, 0);
}

TEST_P(AuditServiceTest, ListShowsNewestFirstWithTheActorsEmail) {
  auto page = audit_->List(owner_caller_, std::nullopt, 3);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].entry.action, "api_key.revoke");
  EXPECT_EQ(page->items[0].entry.seq, kEntries);
  EXPECT_EQ(page->items[0].actor_email, "owner@acme.example");
  EXPECT_EQ(page->next_cursor, std::to_string(kEntries - 2));

  std::vector<int64_t> seqs;
  std::optional<std::string> cursor;
  do {
    auto next = audit_->List(owner_caller_, cursor, 4);
    ASSERT_TRUE(next.ok());
    for (const auto& item : next->items) {
      seqs.push_back(item.entry.seq);
    }
    cursor = next->next_cursor;
  } while (cursor && seqs.size() < 100);
  EXPECT_THAT(seqs, ::testing::ElementsAre(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
}

TEST_P(AuditServiceTest, SystemActionsHaveNoActorEmail) {
  auto page = audit_->List(owner_caller_, std::string("2"), 1);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].entry.action, "tenant.create");
  EXPECT_EQ(page->items[0].entry.actor_id, "system");
  EXPECT_FALSE(page->items[0].actor_email);
}

TEST_P(AuditServiceTest, ListRejectsBadCursors) {
  for (std::string cursor : {"abc", "0", "-3", "5x", ""}) {
    auto page = audit_->List(owner_caller_, cursor, 10);
    ASSERT_FALSE(page.ok()) << cursor;
    EXPECT_EQ(page.error().code, "validation.failed");
  }
}

TEST_P(AuditServiceTest, ListNeverShowsAnotherOrganisationsTrail) {
  auto globex = CreateTenant("globex");
  CreateUser(globex.id, "carol@globex.example", "owner");
  Caller carol = SignIn("globex", "carol@globex.example");
  auto page = audit_->List(carol, std::nullopt, 200);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 3u);  // tenant.create, user.create, user.login
  for (const auto& item : page->items) {
    EXPECT_EQ(item.entry.tenant_id, globex.id);
  }
}

TEST_P(AuditServiceTest, EditedEntryIsReportedAtItsSeq) {
  DropAppendOnlyTriggers();
  Exec("UPDATE audit_log SET action = 'user.view' WHERE tenant_id = :t AND seq = :s", 4);
  auto report = audit_->Verify(acme_.id);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 4);
  EXPECT_EQ(report.checked, 3);
  EXPECT_THAT(report.reason, HasSubstr("edited"));
}

TEST_P(AuditServiceTest, EditedActorIsReported) {
  DropAppendOnlyTriggers();
  Exec("UPDATE audit_log SET actor_id = 'system' WHERE tenant_id = :t AND seq = :s", 8);
  auto report = audit_->Verify(acme_.id);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 8);
}

TEST_P(AuditServiceTest, DeletedMiddleEntryIsReported) {
  DropAppendOnlyTriggers();
  Exec("DELETE FROM audit_log WHERE tenant_id = :t AND seq = :s", 5);
  auto report = audit_->Verify(acme_.id);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 6);  // the first entry after the gap
  EXPECT_THAT(report.reason, HasSubstr("entries 5 to 5 are missing"));
  // Only entries 1-4 were verified before the gap; the missing one is not counted as checked.
  EXPECT_EQ(report.checked, 4);
}

TEST_P(AuditServiceTest, DeletedLastEntryIsReportedAgainstTheHead) {
  DropAppendOnlyTriggers();
  Exec("DELETE FROM audit_log WHERE tenant_id = :t AND seq = :s", kEntries);
  auto report = audit_->Verify(acme_.id);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, kEntries);
  EXPECT_THAT(report.reason, HasSubstr("missing"));
}

TEST_P(AuditServiceTest, TruncatedTrailIsReported) {
  DropAppendOnlyTriggers();
  Exec("DELETE FROM audit_log WHERE tenant_id = :t AND seq > :s", 6);
  auto report = audit_->Verify(acme_.id);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 7);
  EXPECT_THAT(report.reason, HasSubstr("entries 7 to 10 are missing"));
}

TEST_P(AuditServiceTest, WipedTrailIsReported) {
  DropAppendOnlyTriggers();
  Exec("DELETE FROM audit_log WHERE tenant_id = :t AND seq >= :s", 1);
  auto report = audit_->Verify(acme_.id);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 1);
}

TEST_P(AuditServiceTest, ForgedEntryWithAValidHashStillBreaksTheNextLink) {
  // An attacker with database access recomputes the edited entry's hash; the next entry's
  // prev_hash still names the original.
  DropAppendOnlyTriggers();
  {
    soci::session sql(db_->pool());
    auto entries = storage::ReadAuditAfter(sql, acme_.id, 3, 1);
    ASSERT_EQ(entries.size(), 1u);
    auto forged = entries[0];
    forged.actor_id = "system";
    forged.hash = domain::ComputeAuditHash(forged);
    long long seq = forged.seq;
    sql << "UPDATE audit_log SET actor_id = :a, hash = :h WHERE tenant_id = :t AND seq = :s",
        soci::use(forged.actor_id), soci::use(forged.hash), soci::use(acme_.id), soci::use(seq);
  }
  auto report = audit_->Verify(acme_.id);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_broken_seq, 5);
}

TEST_P(AuditServiceTest, TamperingInOneOrganisationLeavesOthersVerified) {
  auto globex = CreateTenant("globex");
  CreateUser(globex.id, "carol@globex.example", "owner");
  DropAppendOnlyTriggers();
  Exec("UPDATE audit_log SET ip = '0.0.0.0' WHERE tenant_id = :t AND seq = :s", 2);
  EXPECT_FALSE(audit_->Verify(acme_.id).ok);
  auto other = audit_->Verify(globex.id);
  EXPECT_TRUE(other.ok) << other.reason;
  EXPECT_EQ(other.checked, 2);
}

TEST_P(AuditServiceTest, NewEntriesAfterVerifyKeepTheChainValid) {
  UserChanges changes;
  changes.locale = "zh-CN";
  ASSERT_TRUE(users_->Update(owner_caller_, bob_id_, changes).ok());
  auto report = audit_->Verify(acme_.id);
  EXPECT_TRUE(report.ok) << report.reason;
  EXPECT_EQ(report.checked, kEntries + 1);
}

INSTANTIATE_TEST_SUITE_P(Dialects, AuditServiceTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::services
