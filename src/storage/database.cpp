#include "storage/database.hpp"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>

#include "common/log.hpp"

namespace candor::storage {
namespace {

std::string MaskPassword(const std::string& url) {
  // postgresql://user:secret@host/db → postgresql://user:***@host/db
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) {
    return url;
  }
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) {
    return url;
  }
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// SOCI rewrites parts of a connection string, so hand it libpq's own keyword=value form:
// libpq parses the URL (user, password, host, port, dbname, options…) and we quote each value.
Result<std::string> PostgresConnInfo(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "cannot parse";
    PQfreemem(error);
    return Error::Internal("invalid PostgreSQL URL " + MaskPassword(url) + ": " + message);
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) {
      continue;
    }
    std::string value;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') {
        value += '\\';
      }
      value += *c;
    }
    out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + value + "'";
  }
  PQconninfoFree(options);
  return out;
}

}  // namespace

Database::Database(Dialect dialect, std::unique_ptr<soci::connection_pool> pool, int size,
                   std::string url)
    : dialect_(dialect), pool_(std::move(pool)), size_(size), display_url_(MaskPassword(url)) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, int pool_size) {
  auto pool = std::make_unique<soci::connection_pool>(static_cast<size_t>(pool_size));
  try {
    if (url.starts_with("sqlite://")) {
      std::filesystem::path path = url.substr(9);
      if (path.has_parent_path()) {
        std::filesystem::create_directories(path.parent_path());
      }
      for (int i = 0; i < pool_size; ++i) {
        soci::session& s = pool->at(static_cast<size_t>(i));
        s.open(soci::sqlite3, "db=\"" + path.string() + "\" timeout=10");
        s << "PRAGMA journal_mode=WAL";
        s << "PRAGMA foreign_keys=ON";
        s << "PRAGMA synchronous=NORMAL";
        s << "PRAGMA busy_timeout=10000";
      }
      return std::unique_ptr<Database>(
          new Database(Dialect::kSqlite, std::move(pool), pool_size, url));
    }
    if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
      auto conninfo = PostgresConnInfo(url);
      if (!conninfo.ok()) {
        return conninfo.error();
      }
      for (int i = 0; i < pool_size; ++i) {
        pool->at(static_cast<size_t>(i)).open(soci::postgresql, *conninfo);
      }
      return std::unique_ptr<Database>(
          new Database(Dialect::kPostgres, std::move(pool), pool_size, url));
    }
  } catch (const std::exception& e) {
    return Error::Internal("cannot open database " + MaskPassword(url) + ": " + e.what());
  }
  return Error::Internal("database URL must start with sqlite:// or postgresql://");
}

bool Database::Ping() {
  try {
    soci::session sql(*pool_);
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    return one == 1;
  } catch (const std::exception& e) {
    log::Warn("database ping failed", {{"error", std::string_view(e.what())}});
    return false;
  }
}

WriteTransaction::WriteTransaction(soci::session& sql, Dialect dialect) : sql_(sql) {
  sql_ << (dialect == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

WriteTransaction::~WriteTransaction() {
  if (!done_) {
    try {
      sql_ << "ROLLBACK";
    } catch (const std::exception& e) {
      log::Error("rollback failed", {{"error", std::string_view(e.what())}});
    }
  }
}

void WriteTransaction::Commit() {
  sql_ << "COMMIT";
  done_ = true;
}

void ExecScript(soci::session& sql, Dialect dialect, const std::string& script) {
  if (dialect == Dialect::kSqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* message = nullptr;
    if (sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &message) !=
        SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite_api::sqlite3_free(message);
      throw std::runtime_error(text);
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  PGresult* result = PQexec(backend->conn_, script.c_str());
  auto status = PQresultStatus(result);
  std::string error = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw std::runtime_error(error);
  }
}

bool IsUniqueViolation(const std::exception& e) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    return pg->sqlstate() == "23505";
  }
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    return lite->result() == SQLITE_CONSTRAINT &&
           std::string_view(e.what()).find("UNIQUE") != std::string_view::npos;
  }
  return false;
}

}  // namespace candor::storage
