#pragma once
// Creating organisations (tenants), and the demo organisation with one user per role.
#include <string>
#include <vector>

#include "common/result.hpp"
#include "services/context.hpp"
#include "storage/records.hpp"

namespace candor::services {

class UserService;

class TenantService {
 public:
  explicit TenantService(Deps deps) : deps_(deps) {}
  Result<storage::TenantRow> Create(const std::string& slug, const std::string& name);
  std::optional<storage::TenantRow> FindBySlug(const std::string& slug);
  Result<storage::TenantRow> Get(const Caller& caller);
  std::vector<std::string> AllTenantIds();

 private:
  Deps deps_;
};

struct DemoLogin {
  std::string email;
  std::string role;
};

inline constexpr const char* kDemoTenant = "demo";
inline constexpr const char* kDemoPassword = "candor-demo-2026";

/// Creates the "demo" tenant and its users if they do not exist yet; returns the logins.
Result<std::vector<DemoLogin>> SeedDemo(TenantService& tenants, UserService& users);

}  // namespace candor::services
