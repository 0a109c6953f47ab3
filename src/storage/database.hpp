#pragma once
// A pool of SOCI sessions on SQLite (WAL, foreign keys on) or PostgreSQL, chosen by URL.
#include <memory>
#include <string>

#include "common/result.hpp"

namespace soci {
class connection_pool;
class session;
}  // namespace soci

namespace candor::storage {

enum class Dialect { kSqlite, kPostgres };

class Database {
 public:
  /// `url`: sqlite://relative/or/absolute/path.db (sqlite:///abs also works) or postgresql://….
  static Result<std::unique_ptr<Database>> Open(const std::string& url, int pool_size);
  ~Database();

  Dialect dialect() const { return dialect_; }
  soci::connection_pool& pool() { return *pool_; }
  /// True when a trivial query succeeds (readiness).
  bool Ping();
  /// The URL with any password masked, for logs.
  const std::string& display_url() const { return display_url_; }

 private:
  Database(Dialect dialect, std::unique_ptr<soci::connection_pool> pool, int size, std::string url);
  Dialect dialect_;
  std::unique_ptr<soci::connection_pool> pool_;
  int size_;
  std::string display_url_;
};

/// A write transaction. On SQLite it takes the write lock up front (BEGIN IMMEDIATE) so that two
/// writers wait for each other instead of failing; it rolls back unless committed.
class WriteTransaction {
 public:
  WriteTransaction(soci::session& sql, Dialect dialect);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void Commit();

 private:
  soci::session& sql_;
  bool done_ = false;
};

/// Runs a whole SQL script (several statements) on the session's native connection.
void ExecScript(soci::session& sql, Dialect dialect, const std::string& script);

/// True when the exception says a UNIQUE constraint failed.
bool IsUniqueViolation(const std::exception& e);

}  // namespace candor::storage
