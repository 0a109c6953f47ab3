#include "services/principal_loader.hpp"

#include <cctype>

namespace candor::services {

std::string NormaliseEmail(std::string_view email) {
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.front()))) {
    email.remove_prefix(1);
  }
  while (!email.empty() && std::isspace(static_cast<unsigned char>(email.back()))) {
    email.remove_suffix(1);
  }
  std::string out(email);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

UserView OpenUser(const crypto::DataCipher& cipher, const storage::UserRow& row) {
  UserView v;
  v.id = row.id;
  // A value that fails to open (a lost key) shows as empty rather than failing the whole page.
  auto email = cipher.Open(row.email_sealed, SealContext(row.tenant_id, "users.email"));
  auto name = cipher.Open(row.name_sealed, SealContext(row.tenant_id, "users.name"));
  v.email = email.ok() ? email.value() : "";
  v.display_name = name.ok() ? name.value() : "";
  v.role = row.role;
  v.locale = row.locale;
  v.disabled = row.disabled;
  v.created_at = row.created_at;
  return v;
}

Principal MakePrincipal(const crypto::DataCipher& cipher, const storage::TenantRow& tenant,
                        const storage::UserRow& user) {
  UserView v = OpenUser(cipher, user);
  Principal p;
  p.tenant_id = tenant.id;
  p.tenant_slug = tenant.slug;
  p.tenant_name = tenant.name;
  p.user_id = user.id;
  p.email = v.email;
  p.display_name = v.display_name;
  p.role = domain::ParseRole(user.role).value_or(domain::Role::kInterviewer);
  p.locale = user.locale;
  return p;
}

}  // namespace candor::services
