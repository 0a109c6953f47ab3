#include "storage/migrations.hpp"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "support/test_db.hpp"
#include "unit/dialect_param.hpp"

namespace candor::storage {
namespace {

class MigrationsTest : public ::testing::TestWithParam<Dialect> {};

TEST_P(MigrationsTest, EmbeddedMigrationsAreNumberedFromOne) {
  const auto& migrations = EmbeddedMigrations(GetParam());
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(migrations[i].sql.empty());
    EXPECT_FALSE(migrations[i].name.empty());
  }
}

TEST_P(MigrationsTest, ApplyOnEmptyDatabaseThenSecondRunIsANoOp) {
  testing::TestDatabase test_db(GetParam());
  auto db = test_db.Open();
  const auto& migrations = EmbeddedMigrations(GetParam());
  int latest = migrations.back().version;

  EXPECT_EQ(SchemaVersion(*db), 0);
  auto first = Migrate(*db);
  ASSERT_TRUE(first.ok()) << first.error().internal;
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, latest);
  EXPECT_EQ(first->applied.size(), migrations.size());
  EXPECT_EQ(SchemaVersion(*db), latest);

  auto second = Migrate(*db);
  ASSERT_TRUE(second.ok()) << second.error().internal;
  EXPECT_EQ(second->from_version, latest);
  EXPECT_EQ(second->to_version, latest);
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(SchemaVersion(*db), latest);

  soci::session sql(db->pool());
  int recorded = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations", soci::into(recorded);
  EXPECT_EQ(recorded, static_cast<int>(migrations.size()));
  for (std::string table :
       {"tenants", "users", "sessions", "api_keys", "audit_log", "audit_head"}) {
    int rows = -1;
    sql << "SELECT COUNT(*) FROM " + table, soci::into(rows);
    EXPECT_EQ(rows, 0) << table;
  }
}

TEST_P(MigrationsTest, ANewPoolSeesTheMigratedSchema) {
  testing::TestDatabase test_db(GetParam());
  {
    auto db = test_db.Open();
    ASSERT_TRUE(Migrate(*db).ok());
  }
  auto reopened = test_db.Open();
  int latest = EmbeddedMigrations(GetParam()).back().version;
  EXPECT_EQ(SchemaVersion(*reopened), latest);
  auto again = Migrate(*reopened);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->applied.empty());
}

TEST_P(MigrationsTest, FailedMigrationIsReportedAndLeavesNoPartialSchema) {
  testing::TestDatabase test_db(GetParam());
  auto db = test_db.Open();
  {
    // A table in the way of the first migration: it must fail cleanly, not half-apply.
    soci::session sql(db->pool());
    sql << "CREATE TABLE api_keys (id TEXT)";
  }
  auto result = Migrate(*db);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().internal.find("migration failed"), std::string::npos);
  EXPECT_EQ(SchemaVersion(*db), 0);
  soci::session sql(db->pool());
  // The tables created before the failing statement were rolled back with it.
  EXPECT_THROW(sql << "SELECT COUNT(*) FROM tenants", soci::soci_error);
}

INSTANTIATE_TEST_SUITE_P(Dialects, MigrationsTest, ::testing::ValuesIn(testing::TestDialects()),
                         [](const auto& info) { return testing::DialectName(info.param); });

}  // namespace
}  // namespace candor::storage
