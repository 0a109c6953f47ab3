#pragma once
// The composition root: one explicit list of the parts Candor is made of, wired once.
#include <memory>

#include "api/api.hpp"
#include "common/clock.hpp"
#include "common/config.hpp"
#include "common/crypto.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "services/api_key_service.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "services/tenant_service.hpp"
#include "services/user_service.hpp"
#include "storage/database.hpp"

namespace candor::app {

class Runtime {
 public:
  /// Opens the database and the data keys (creating the key file on first start) and wires
  /// services and routes. `clock` defaults to the system clock (tests pass their own).
  static Result<std::unique_ptr<Runtime>> Create(const Config& config,
                                                 const Clock* clock = nullptr);
  ~Runtime();

  /// Applies pending migrations, logging what it did.
  Status Migrate();
  /// A server for this runtime's routes and web app (not yet listening).
  std::unique_ptr<http::Server> MakeServer(bool handle_signals = true);

  const Config& config() const { return config_; }
  storage::Database& db() { return *db_; }
  services::AuthService& auth() { return *auth_; }
  services::UserService& users() { return *users_; }
  services::TenantService& tenants() { return *tenants_; }
  services::AuditService& audit() { return *audit_; }
  const http::Router& router() const { return router_; }
  /// For adding routes before MakeServer (tests add test-only ones).
  http::Router& mutable_router() { return router_; }

 private:
  Runtime(Config config, const Clock* clock);
  Config config_;
  SystemClock system_clock_;
  const Clock& clock_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<crypto::DataCipher> cipher_;
  std::unique_ptr<services::AuthService> auth_;
  std::unique_ptr<services::UserService> users_;
  std::unique_ptr<services::ApiKeyService> api_keys_;
  std::unique_ptr<services::AuditService> audit_;
  std::unique_ptr<services::TenantService> tenants_;
  http::Metrics metrics_;
  http::Router router_;
  http::StaticFiles files_;
  std::unique_ptr<api::ApiServices> api_;
};

}  // namespace candor::app
