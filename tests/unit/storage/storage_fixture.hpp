#pragma once
// A migrated, empty database of each dialect, and rows to fill it with.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <memory>
#include <string>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "storage/migrations.hpp"
#include "storage/records.hpp"
#include "support/test_db.hpp"
#include "unit/dialect_param.hpp"

namespace candor::storage {

class StorageTest : public ::testing::TestWithParam<Dialect> {
 protected:
  void SetUp() override {
    test_db_ = std::make_unique<testing::TestDatabase>(GetParam());
    db_ = test_db_->Open();
    auto migrated = Migrate(*db_);
    ASSERT_TRUE(migrated.ok()) << migrated.error().internal;
  }
  void TearDown() override {
    db_.reset();
    test_db_.reset();
  }

  // Ids one millisecond apart, so that id order is creation order.
  std::string NextId() {
    ms_ += 1;
    return NewId(TimePoint(std::chrono::milliseconds(ms_)));
  }

  TenantRow AddTenant(soci::session& sql, const std::string& slug) {
    TenantRow row{NextId(), slug, "Org " + slug, "2026-11-21T10:00:00.000Z"};
    InsertTenant(sql, row);
    return row;
  }

  UserRow MakeUser(const std::string& tenant_id, const std::string& email_index,
                   const std::string& role = "recruiter") {
    UserRow row;
    row.id = NextId();
    row.tenant_id = tenant_id;
    row.email_index = email_index;
    row.email_sealed = "v1.k1.email-" + email_index;
    row.name_sealed = "v1.k1.name-" + email_index;
    row.role = role;
    row.locale = "zh-CN";
    row.password_hash = "$argon2id$placeholder";
    row.created_at = row.updated_at = "2026-11-21T10:00:00.000Z";
    return row;
  }

  UserRow AddUser(soci::session& sql, const std::string& tenant_id, const std::string& email_index,
                  const std::string& role = "recruiter") {
    UserRow row = MakeUser(tenant_id, email_index, role);
    InsertUser(sql, row);
    return row;
  }

  ApiKeyRow MakeKey(const TenantRow& tenant, const UserRow& creator, const std::string& secret) {
    ApiKeyRow row;
    row.id = NextId();
    row.tenant_id = tenant.id;
    row.name = "HRIS " + secret;
    row.prefix = "ck_" + secret.substr(0, 4);
    row.secret_hash = "hash-" + secret;
    row.role = "integration";
    row.created_by = creator.id;
    row.created_at = "2026-11-21T10:00:00.000Z";
    return row;
  }

  std::unique_ptr<testing::TestDatabase> test_db_;
  std::unique_ptr<Database> db_;
  int64_t ms_ = 1795255200000;
};

inline std::string ParamName(const ::testing::TestParamInfo<Dialect>& info) {
  return testing::DialectName(info.param);
}

}  // namespace candor::storage
