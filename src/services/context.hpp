#pragma once
// What every use case needs to know about its caller, and the parts it is built from.
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/config.hpp"
#include "domain/roles.hpp"

namespace candor::crypto {
class DataCipher;
}
namespace candor::storage {
class Database;
}

namespace candor::services {

/// An authenticated caller: a signed-in user or an API key, always inside one tenant.
struct Principal {
  std::string tenant_id;
  std::string tenant_slug;
  std::string tenant_name;
  std::string user_id;  ///< the user, or for an API key the user who created it
  std::string email;
  std::string display_name;
  domain::Role role = domain::Role::kInterviewer;
  std::string locale = "en-US";
  std::string csrf_token;  ///< empty for API keys, which need no CSRF token
  std::string api_key_id;  ///< set when the caller used an API key
  bool Can(domain::Permission p) const { return domain::HasPermission(role, p); }
};

/// Where a request came from, for the audit trail.
struct Origin {
  std::string ip;
  std::string request_id;
};

struct Caller {
  Principal principal;
  Origin origin;
};

/// The parts services are built from; owned by the composition root (app/).
struct Deps {
  storage::Database& db;
  crypto::DataCipher& cipher;
  const Clock& clock;
  SecurityConfig security;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

/// Clamps a requested page size to 1..200 (50 when absent).
int PageLimit(std::optional<int> requested);

}  // namespace candor::services
