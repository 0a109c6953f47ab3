#include "storage/migrations.hpp"

#include <soci/soci.h>

#include "common/clock.hpp"
#include "common/log.hpp"

namespace candor::storage {

const std::vector<Migration>& Embedded_sqlite();
const std::vector<Migration>& Embedded_pg();

const std::vector<Migration>& EmbeddedMigrations(Dialect dialect) {
  return dialect == Dialect::kSqlite ? Embedded_sqlite() : Embedded_pg();
}

namespace {

constexpr long long kMigrationLockKey = 7213440127;  // any constant shared by all nodes

void EnsureTable(soci::session& sql) {
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}

int CurrentVersion(soci::session& sql) {
  int version = 0;
  soci::indicator ind = soci::i_null;
  sql << "SELECT MAX(version) FROM schema_migrations", soci::into(version, ind);
  return ind == soci::i_ok ? version : 0;
}

}  // namespace

int SchemaVersion(Database& db) {
  soci::session sql(db.pool());
  EnsureTable(sql);
  return CurrentVersion(sql);
}

Result<MigrateReport> Migrate(Database& db) {
  soci::session sql(db.pool());
  MigrateReport report;
  try {
    bool pg = db.dialect() == Dialect::kPostgres;
    if (pg) {
      sql << "SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")";
    }
    EnsureTable(sql);
    report.from_version = report.to_version = CurrentVersion(sql);
    for (const auto& m : EmbeddedMigrations(db.dialect())) {
      if (m.version <= report.to_version) {
        continue;
      }
      WriteTransaction tx(sql, db.dialect());
      ExecScript(sql, db.dialect(), m.sql);
      std::string now = FormatTime(std::chrono::system_clock::now());
      int version = m.version;
      sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :a)",
          soci::use(version), soci::use(m.name), soci::use(now);
      tx.Commit();
      report.to_version = m.version;
      report.applied.push_back(m.name);
      log::Info("migration applied", {{"name", std::string_view(m.name)}});
    }
    if (pg) {
      sql << "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")";
    }
  } catch (const std::exception& e) {
    if (db.dialect() == Dialect::kPostgres) {
      try {
        sql << "SELECT pg_advisory_unlock_all()";  // the failed transaction has rolled back
      } catch (const std::exception&) {
        // The connection itself is gone; its locks went with it.
      }
    }
    return Error::Internal(std::string("migration failed: ") + e.what());
  }
  return report;
}

}  // namespace candor::storage
