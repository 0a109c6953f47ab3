#include "storage/database.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <stdexcept>

#include "storage_fixture.hpp"

namespace candor::storage {
namespace {

TEST(DatabaseOpenTest, RejectsUnknownScheme) {
  auto db = Database::Open("mysql://localhost/candor", 1);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().internal.find("sqlite:// or postgresql://"), std::string::npos);
}

TEST(DatabaseOpenTest, UnreachablePostgresIsAnErrorWithThePasswordMasked) {
  // Port 1 on the loopback refuses at once.
  auto db = Database::Open("postgresql://candor:s3cret@127.0.0.1:1/candor?connect_timeout=2", 1);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.error().internal.find("s3cret"), std::string::npos) << db.error().internal;
  EXPECT_NE(db.error().internal.find("candor:***@127.0.0.1"), std::string::npos)
      << db.error().internal;
}

TEST(DatabaseOpenTest, SqliteCreatesTheFolder) {
  std::string dir = testing::MakeTempDir("candor-open");
  {
    auto db = Database::Open("sqlite://" + dir + "/nested/folder/candor.db", 1);
    ASSERT_TRUE(db.ok()) << db.error().internal;
    EXPECT_EQ((*db)->dialect(), Dialect::kSqlite);
    EXPECT_TRUE((*db)->Ping());
  }
  EXPECT_TRUE(std::filesystem::exists(dir + "/nested/folder/candor.db"));
  std::filesystem::remove_all(dir);
}

TEST(SqliteDatabaseTest, EveryPooledConnectionHasForeignKeysOn) {
  testing::TestDatabase test_db(Dialect::kSqlite);
  auto db = test_db.Open(4);
  // Hold every connection of the pool at once so that each one is checked.
  std::vector<std::unique_ptr<soci::session>> sessions;
  for (int i = 0; i < 4; ++i) {
    sessions.push_back(std::make_unique<soci::session>(db->pool()));
  }
  for (auto& sql : sessions) {
    int on = 0;
    *sql << "PRAGMA foreign_keys", soci::into(on);
    EXPECT_EQ(on, 1);
  }
}

class DatabaseTest : public StorageTest {};

TEST_P(DatabaseTest, PingsAndReportsItsDialect) {
  EXPECT_TRUE(db_->Ping());
  EXPECT_EQ(db_->dialect(), GetParam());
}

TEST_P(DatabaseTest, UncommittedTransactionRollsBack) {
  soci::session sql(db_->pool());
  {
    WriteTransaction tx(sql, db_->dialect());
    AddTenant(sql, "gone");
  }
  EXPECT_FALSE(FindTenantBySlug(sql, "gone"));
  {
    WriteTransaction tx(sql, db_->dialect());
    AddTenant(sql, "kept");
    tx.Commit();
  }
  EXPECT_TRUE(FindTenantBySlug(sql, "kept"));
}

TEST_P(DatabaseTest, ExceptionInsideTransactionRollsBackEverything) {
  soci::session sql(db_->pool());
  try {
    WriteTransaction tx(sql, db_->dialect());
    AddTenant(sql, "first");
    throw std::runtime_error("the use case failed half-way");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(FindTenantBySlug(sql, "first"));
  // The session is usable again afterwards.
  AddTenant(sql, "second");
  EXPECT_TRUE(FindTenantBySlug(sql, "second"));
}

TEST_P(DatabaseTest, ForeignKeysAreEnforced) {
  soci::session sql(db_->pool());
  UserRow orphan = MakeUser(NextId(), "orphan");
  EXPECT_THROW(InsertUser(sql, orphan), soci::soci_error);
  auto tenant = AddTenant(sql, "acme");
  SessionRow session{"token-hash",
                     tenant.id,
                     NextId(),
                     "csrf",
                     "2026-11-21T10:00:00.000Z",
                     "2026-11-21T22:00:00.000Z",
                     "127.0.0.1"};
  EXPECT_THROW(InsertSession(sql, session), soci::soci_error);
}

TEST_P(DatabaseTest, ExecScriptRunsSeveralStatementsAndReportsErrors) {
  soci::session sql(db_->pool());
  ExecScript(sql, db_->dialect(),
             "CREATE TABLE scratch (n INTEGER); INSERT INTO scratch VALUES (1); "
             "INSERT INTO scratch VALUES (2);");
  int total = 0;
  sql << "SELECT SUM(n) FROM scratch", soci::into(total);
  EXPECT_EQ(total, 3);
  EXPECT_THROW(ExecScript(sql, db_->dialect(), "SELEC nonsense"), std::runtime_error);
}

TEST_P(DatabaseTest, UniqueViolationIsRecognisedAndOtherErrorsAreNot) {
  soci::session sql(db_->pool());
  AddTenant(sql, "acme");
  try {
    AddTenant(sql, "acme");
    FAIL() << "a second tenant with the same slug was stored";
  } catch (const std::exception& e) {
    EXPECT_TRUE(IsUniqueViolation(e)) << e.what();
  }
  try {
    InsertUser(sql, MakeUser(NextId(), "no-such-tenant"));
    FAIL() << "a user of a missing tenant was stored";
  } catch (const std::exception& e) {
    EXPECT_FALSE(IsUniqueViolation(e)) << e.what();
  }
  try {
    sql << "SELECT * FROM no_such_table";
    FAIL();
  } catch (const std::exception& e) {
    EXPECT_FALSE(IsUniqueViolation(e)) << e.what();
  }
  EXPECT_FALSE(IsUniqueViolation(std::runtime_error("UNIQUE constraint failed")));
}

INSTANTIATE_TEST_SUITE_P(Dialects, DatabaseTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::storage
