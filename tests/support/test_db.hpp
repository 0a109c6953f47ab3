#pragma once
// Real databases for tests: a fresh SQLite file, or a fresh schema on the PostgreSQL server
// named by CANDOR_TEST_PG_URL (scripts/pg-test.sh starts one).
#include <memory>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace candor::testing {

class TestDatabase {
 public:
  /// Creates an empty database of that dialect; throws when it cannot.
  explicit TestDatabase(storage::Dialect dialect);
  ~TestDatabase();
  const std::string& url() const { return url_; }
  storage::Dialect dialect() const { return dialect_; }
  /// Opens a pool on it (not yet migrated).
  std::unique_ptr<storage::Database> Open(int pool_size = 4) const;

 private:
  storage::Dialect dialect_;
  std::string url_;
  std::string cleanup_;  // file to remove or schema to drop
};

/// SQLite always; PostgreSQL when CANDOR_TEST_PG_URL is set. Under CI (CI=true) a missing
/// PostgreSQL is an error, so a CI run can never quietly skip half the repository tests.
std::vector<storage::Dialect> TestDialects();
std::string DialectName(storage::Dialect dialect);
/// A fresh temporary folder, removed by the caller (or left in /tmp on failure for a look).
std::string MakeTempDir(const std::string& prefix);

}  // namespace candor::testing
