#pragma once
// Numbered, forward-only schema migrations for SQLite and PostgreSQL (src/storage/migrations/).
#include <string>
#include <vector>

#include "common/result.hpp"
#include "storage/database.hpp"

namespace candor::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& EmbeddedMigrations(Dialect dialect);

struct MigrateReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;
};

/// Applies every migration newer than the database, each in its own transaction. Safe to run
/// from several nodes at once on PostgreSQL (an advisory lock serialises them).
Result<MigrateReport> Migrate(Database& db);
/// The newest applied version (0 for an empty database).
int SchemaVersion(Database& db);

}  // namespace candor::storage
