#pragma once
// Builds a Principal from stored rows, opening the sealed personal fields.
#include <optional>

#include "common/crypto.hpp"
#include "services/context.hpp"
#include "storage/records.hpp"

namespace candor::services {

/// Context strings bind sealed values to their tenant and column.
inline std::string SealContext(const std::string& tenant_id, std::string_view column) {
  return tenant_id + ":" + std::string(column);
}

/// The user's e-mail, normalised for lookups: trimmed and lower-case ASCII.
std::string NormaliseEmail(std::string_view email);

struct UserView {
  std::string id;
  std::string email;
  std::string display_name;
  std::string role;
  std::string locale;
  bool disabled = false;
  std::string created_at;
};

UserView OpenUser(const crypto::DataCipher& cipher, const storage::UserRow& row);
Principal MakePrincipal(const crypto::DataCipher& cipher, const storage::TenantRow& tenant,
                        const storage::UserRow& user);

}  // namespace candor::services
