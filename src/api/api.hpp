#pragma once
// The REST API: thin handlers (parse → service → serialise) registered on a Router.
#include "http/router.hpp"

namespace candor::storage {
class Database;
}
namespace candor::http {
class Metrics;
}
namespace candor::services {
class AuthService;
class UserService;
class ApiKeyService;
class AuditService;
class TenantService;
}  // namespace candor::services

namespace candor::api {

/// Everything the handlers call; owned by the composition root.
struct ApiServices {
  storage::Database& db;
  services::AuthService& auth;
  services::UserService& users;
  services::ApiKeyService& api_keys;
  services::AuditService& audit;
  services::TenantService& tenants;
  http::Metrics& metrics;
  bool secure_cookies = false;  ///< served over HTTPS (directly or behind a TLS proxy)
  int session_ttl_hours = 12;
};

/// Registers every route. The router must outlive nothing but the server.
void RegisterRoutes(http::Router& router, ApiServices& services);

}  // namespace candor::api
