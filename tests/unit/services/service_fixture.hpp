#pragma once
// Services wired as the application wires them, on a real database of each dialect, a real key
// file and a clock that only moves when a test says so.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/crypto.hpp"
#include "services/api_key_service.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/tenant_service.hpp"
#include "services/user_service.hpp"
#include "storage/migrations.hpp"
#include "support/test_db.hpp"
#include "unit/dialect_param.hpp"

namespace candor::services {

constexpr const char* kPassword = "correct horse battery";

inline TimePoint StartTime() {
  return *ParseTime("2026-11-21T10:00:00.000Z");
}

class ServiceTest : public ::testing::TestWithParam<storage::Dialect> {
 protected:
  ServiceTest() : clock_(StartTime()) {
    security_.argon2_memory_kib = 8;  // libsodium's minimum: keeps hashing fast in tests
    security_.login_max_failures = 3;
    security_.lockout_minutes = 15;
    security_.login_attempts_per_minute = 1000;
    security_.session_ttl_hours = 12;
  }

  void SetUp() override {
    crypto::Initialize();
    test_db_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = test_db_->Open();
    auto migrated = storage::Migrate(*db_);
    ASSERT_TRUE(migrated.ok()) << migrated.error().internal;
    key_dir_ = testing::MakeTempDir("candor-service-keys");
    ASSERT_TRUE(crypto::DataCipher::CreateKeyFile(key_dir_ + "/data.keys").ok());
    auto cipher = crypto::DataCipher::FromKeyFile(key_dir_ + "/data.keys");
    ASSERT_TRUE(cipher.ok()) << cipher.error().internal;
    cipher_ = std::move(cipher.value());
    Build();
  }

  void TearDown() override {
    tenants_.reset();
    audit_.reset();
    api_keys_.reset();
    users_.reset();
    auth_.reset();
    db_.reset();
    test_db_.reset();
    std::filesystem::remove_all(key_dir_);
  }

  /// (Re)creates the services, e.g. after a test changed security_.
  void Build() {
    Deps deps{*db_, *cipher_, clock_, security_};
    auth_ = std::make_unique<AuthService>(deps);
    users_ = std::make_unique<UserService>(deps, *auth_);
    api_keys_ = std::make_unique<ApiKeyService>(deps, *auth_);
    audit_ = std::make_unique<AuditService>(deps);
    tenants_ = std::make_unique<TenantService>(deps);
  }

  storage::TenantRow CreateTenant(const std::string& slug) {
    auto tenant = tenants_->Create(slug, "Org " + slug);
    EXPECT_TRUE(tenant.ok()) << (tenant.ok() ? "" : tenant.error().code);
    return tenant.ok() ? tenant.value() : storage::TenantRow{};
  }

  UserView CreateUser(const std::string& tenant_id, const std::string& email,
                      const std::string& role, const std::string& name = "Test User") {
    auto user = users_->CreateAsSystem(tenant_id, {email, name, role, kPassword, "en-US"});
    EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().code);
    return user.ok() ? user.value() : UserView{};
  }

  Result<LoginResult> Login(const std::string& tenant, const std::string& email,
                            const std::string& password = kPassword,
                            const std::string& ip = "198.51.100.7") {
    return auth_->Login({tenant, email, password}, Origin{ip, "req-login"});
  }

  /// Signs in and returns the caller, as the HTTP layer would build it.
  Caller SignIn(const std::string& tenant, const std::string& email) {
    auto login = Login(tenant, email);
    EXPECT_TRUE(login.ok()) << (login.ok() ? "" : login.error().code);
    Caller caller;
    if (login.ok()) {
      caller.principal = login->principal;
    }
    caller.origin = {"198.51.100.7", "req-test"};
    return caller;
  }

  /// Every non-null text value of every row of a table, read straight from the database.
  std::vector<std::string> TextCells(const std::string& table) {
    soci::session sql(db_->pool());
    std::vector<std::string> cells;
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT * FROM " + table);
    for (const auto& row : rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        if (row.get_indicator(i) != soci::i_null &&
            row.get_properties(i).get_data_type() == soci::dt_string) {
          cells.push_back(row.get<std::string>(i));
        }
      }
    }
    return cells;
  }

  std::vector<std::string> AuditActions(const std::string& tenant_id) {
    soci::session sql(db_->pool());
    std::vector<std::string> actions;
    for (const auto& e : storage::ReadAuditAfter(sql, tenant_id, 0, 10000)) {
      actions.push_back(e.action);
    }
    return actions;
  }

  SecurityConfig security_;
  ManualClock clock_;
  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<storage::Database> db_;
  std::string key_dir_;
  std::unique_ptr<crypto::DataCipher> cipher_;
  std::unique_ptr<AuthService> auth_;
  std::unique_ptr<UserService> users_;
  std::unique_ptr<ApiKeyService> api_keys_;
  std::unique_ptr<AuditService> audit_;
  std::unique_ptr<TenantService> tenants_;
};

/// The start of most service tests: a tenant "acme" with a signed-in owner.
class AcmeServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) {
      return;
    }
    acme_ = CreateTenant("acme");
    owner_ = CreateUser(acme_.id, "owner@acme.example", "owner");
    owner_caller_ = SignIn("acme", "owner@acme.example");
  }

  storage::TenantRow acme_;
  UserView owner_;
  Caller owner_caller_;
};

inline std::string ParamName(const ::testing::TestParamInfo<storage::Dialect>& info) {
  return testing::DialectName(info.param);
}

}  // namespace candor::services
