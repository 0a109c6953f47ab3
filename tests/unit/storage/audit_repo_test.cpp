#include <gtest/gtest.h>
#include <soci/soci.h>

#include "storage_fixture.hpp"

namespace candor::storage {
namespace {

class AuditRepoTest : public StorageTest {
 protected:
  domain::AuditEntry Append(soci::session& sql, const std::string& tenant_id,
                            const std::string& action) {
    domain::AuditEntry e;
    e.at = "2026-11-21T10:00:00.000Z";
    e.tenant_id = tenant_id;
    e.actor_id = "system";
    e.action = action;
    e.entity = "user";
    e.entity_id = "u1";
    e.ip = "127.0.0.1";
    e.request_id = "req";
    e.digest = std::string(64, 'd');
    WriteTransaction tx(sql, db_->dialect());
    AppendAudit(sql, db_->dialect(), e);
    tx.Commit();
    return e;
  }
};

TEST_P(AuditRepoTest, AppendLinksEachEntryToThePreviousOne) {
  soci::session sql(db_->pool());
  EXPECT_EQ(ReadAuditHead(sql, "t1").seq, 0);
  EXPECT_EQ(ReadAuditHead(sql, "t1").hash, "");

  auto first = Append(sql, "t1", "a.one");
  auto second = Append(sql, "t1", "a.two");
  auto third = Append(sql, "t1", "a.three");
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(first.prev_hash, "");
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(third.seq, 3);
  EXPECT_EQ(third.prev_hash, second.hash);
  EXPECT_EQ(first.hash, domain::ComputeAuditHash(first));

  auto head = ReadAuditHead(sql, "t1");
  EXPECT_EQ(head.seq, 3);
  EXPECT_EQ(head.hash, third.hash);

  auto stored = ReadAuditAfter(sql, "t1", 0, 100);
  ASSERT_EQ(stored.size(), 3u);
  EXPECT_EQ(stored[1].action, "a.two");
  EXPECT_EQ(stored[1].hash, second.hash);
  EXPECT_FALSE(domain::VerifyAuditChain(stored, 0, "").has_value());
}

TEST_P(AuditRepoTest, EachTenantHasItsOwnChain) {
  soci::session sql(db_->pool());
  Append(sql, "t1", "a");
  Append(sql, "t1", "b");
  auto other = Append(sql, "t2", "c");
  EXPECT_EQ(other.seq, 1);
  EXPECT_EQ(other.prev_hash, "");
  EXPECT_EQ(ReadAuditHead(sql, "t1").seq, 2);
  EXPECT_EQ(ReadAuditHead(sql, "t2").seq, 1);
  EXPECT_EQ(ReadAuditAfter(sql, "t2", 0, 100).size(), 1u);
}

TEST_P(AuditRepoTest, AppendRolledBackWithItsTransactionLeavesNoTrace) {
  soci::session sql(db_->pool());
  auto kept = Append(sql, "t1", "kept");
  {
    domain::AuditEntry e;
    e.tenant_id = "t1";
    e.action = "rolled.back";
    WriteTransaction tx(sql, db_->dialect());
    AppendAudit(sql, db_->dialect(), e);
  }
  EXPECT_EQ(ReadAuditHead(sql, "t1").seq, 1);
  auto next = Append(sql, "t1", "next");
  EXPECT_EQ(next.seq, 2);
  EXPECT_EQ(next.prev_hash, kept.hash);
}

TEST_P(AuditRepoTest, ListIsNewestFirstAndPagesBackwards) {
  soci::session sql(db_->pool());
  for (int i = 1; i <= 5; ++i) {
    Append(sql, "t1", "action." + std::to_string(i));
  }
  auto newest = ListAudit(sql, "t1", 0, 2);
  ASSERT_EQ(newest.size(), 2u);
  EXPECT_EQ(newest[0].seq, 5);
  EXPECT_EQ(newest[1].seq, 4);
  auto older = ListAudit(sql, "t1", newest.back().seq, 10);
  ASSERT_EQ(older.size(), 3u);
  EXPECT_EQ(older[0].seq, 3);
  EXPECT_EQ(older[2].seq, 1);
  EXPECT_EQ(older[2].action, "action.1");
  EXPECT_TRUE(ListAudit(sql, "t1", 1, 10).empty());
  EXPECT_TRUE(ListAudit(sql, "t2", 0, 10).empty());

  auto after = ReadAuditAfter(sql, "t1", 3, 10);
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].seq, 4);
  EXPECT_EQ(after[1].seq, 5);
  EXPECT_EQ(ReadAuditAfter(sql, "t1", 0, 2).size(), 2u);
}

TEST_P(AuditRepoTest, AuditLogRefusesUpdate) {
  soci::session sql(db_->pool());
  auto entry = Append(sql, "t1", "user.login");
  EXPECT_THROW(sql << "UPDATE audit_log SET action = 'user.logout' WHERE tenant_id = 't1'",
               soci::soci_error);
  auto stored = ReadAuditAfter(sql, "t1", 0, 10);
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].action, "user.login");
  EXPECT_EQ(stored[0].hash, entry.hash);
}

TEST_P(AuditRepoTest, AuditLogRefusesDelete) {
  soci::session sql(db_->pool());
  Append(sql, "t1", "user.login");
  Append(sql, "t1", "user.logout");
  EXPECT_THROW(sql << "DELETE FROM audit_log WHERE seq = 2", soci::soci_error);
  EXPECT_THROW(sql << "DELETE FROM audit_log", soci::soci_error);
  EXPECT_EQ(ReadAuditAfter(sql, "t1", 0, 10).size(), 2u);
}

TEST_P(AuditRepoTest, DuplicateSeqIsRefused) {
  // Two writers that both read the same head cannot both append.
  soci::session sql(db_->pool());
  Append(sql, "t1", "a");
  EXPECT_THROW(sql << "INSERT INTO audit_log (tenant_id, seq, at, actor_id, action, entity, "
                      "entity_id, ip, request_id, digest, prev_hash, hash) VALUES ('t1', 1, '', "
                      "'', 'x', '', '', '', '', '', '', '')",
               soci::soci_error);
}

INSTANTIATE_TEST_SUITE_P(Dialects, AuditRepoTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::storage
