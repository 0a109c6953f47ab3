#pragma once
// API keys for other HR systems: shown once, stored as a SHA-256 of the high-entropy secret.
#include <optional>
#include <string>

#include "common/result.hpp"
#include "services/context.hpp"

namespace candor::services {

class AuthService;

struct ApiKeyView {
  std::string id;
  std::string name;
  std::string prefix;
  std::string role;
  std::string created_at;
  std::optional<std::string> last_used_at;
  bool revoked = false;
};

struct CreatedApiKey {
  ApiKeyView key;
  std::string secret;  ///< the only time the whole key is ever shown
};

class ApiKeyService {
 public:
  ApiKeyService(Deps deps, AuthService& auth) : deps_(deps), auth_(auth) {}
  Result<Page<ApiKeyView>> List(const Caller& caller, std::optional<std::string> cursor,
                                std::optional<int> limit);
  Result<CreatedApiKey> Create(const Caller& caller, const std::string& name);
  Status Revoke(const Caller& caller, const std::string& id);

 private:
  Deps deps_;
  AuthService& auth_;
};

}  // namespace candor::services
