#include "support/test_db.hpp"

#include <soci/soci.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "common/crypto.hpp"

namespace candor::testing {
namespace {

std::string PgBaseUrl() {
  const char* url = std::getenv("CANDOR_TEST_PG_URL");
  return url ? url : "";
}

}  // namespace

std::string MakeTempDir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) {
    throw std::runtime_error("mkdtemp failed");
  }
  return pattern;
}

TestDatabase::TestDatabase(storage::Dialect dialect) : dialect_(dialect) {
  crypto::Initialize();
  if (dialect == storage::Dialect::kSqlite) {
    cleanup_ = MakeTempDir("candor-test-db");
    url_ = "sqlite://" + cleanup_ + "/test.db";
    return;
  }
  std::string base = PgBaseUrl();
  if (base.empty()) {
    throw std::runtime_error("CANDOR_TEST_PG_URL is not set");
  }
  cleanup_ = "t_" + crypto::HexEncode(crypto::RandomBytes(6));
  {
    auto admin = storage::Database::Open(base, 1);
    if (!admin.ok()) {
      throw std::runtime_error(admin.error().internal);
    }
    soci::session sql(admin.value()->pool());
    sql << "CREATE SCHEMA " + cleanup_;
  }
  // libpq's options parameter sets the search path for every pooled connection.
  url_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         cleanup_;
}

TestDatabase::~TestDatabase() {
  try {
    if (dialect_ == storage::Dialect::kSqlite) {
      std::filesystem::remove_all(cleanup_);
    } else {
      auto admin = storage::Database::Open(PgBaseUrl(), 1);
      if (admin.ok()) {
        soci::session sql(admin.value()->pool());
        sql << "SET client_min_messages TO warning";
        sql << "DROP SCHEMA " + cleanup_ + " CASCADE";
      }
    }
  } catch (const std::exception&) {
    // Leftovers in a temporary folder or test database are harmless.
  }
}

std::unique_ptr<storage::Database> TestDatabase::Open(int pool_size) const {
  auto db = storage::Database::Open(url_, pool_size);
  if (!db.ok()) {
    throw std::runtime_error(db.error().internal);
  }
  return std::move(db.value());
}

std::vector<storage::Dialect> TestDialects() {
  std::vector<storage::Dialect> dialects{storage::Dialect::kSqlite};
  if (!PgBaseUrl().empty()) {
    dialects.push_back(storage::Dialect::kPostgres);
  } else if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true") {
    throw std::runtime_error(
        "CI=true but CANDOR_TEST_PG_URL is not set: PostgreSQL tests would not run");
  }
  return dialects;
}

std::string DialectName(storage::Dialect dialect) {
  return dialect == storage::Dialect::kSqlite ? "SQLite" : "PostgreSQL";
}

}  // namespace candor::testing
