#include "api/serialize.hpp"

namespace candor::api {
namespace {

json::value OptionalText(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

}  // namespace

json::object MeJson(const services::Principal& p) {
  json::array permissions;
  for (auto permission : domain::AllPermissions()) {
    if (p.Can(permission)) {
      permissions.push_back(json::string(domain::PermissionName(permission)));
    }
  }
  return {{"id", p.user_id},
          {"email", p.email},
          {"display_name", p.display_name},
          {"role", domain::RoleName(p.role)},
          {"locale", p.locale},
          {"tenant",
           json::object{{"id", p.tenant_id}, {"slug", p.tenant_slug}, {"name", p.tenant_name}}},
          {"permissions", std::move(permissions)},
          {"csrf_token", p.csrf_token}};
}

json::object UserJson(const services::UserView& u) {
  return {{"id", u.id},
          {"email", u.email},
          {"display_name", u.display_name},
          {"role", u.role},
          {"locale", u.locale},
          {"disabled", u.disabled},
          {"created_at", u.created_at}};
}

json::object ApiKeyJson(const services::ApiKeyView& k) {
  return {{"id", k.id},
          {"name", k.name},
          {"prefix", k.prefix},
          {"role", k.role},
          {"created_at", k.created_at},
          {"last_used_at", OptionalText(k.last_used_at)},
          {"revoked", k.revoked}};
}

json::object AuditJson(const services::AuditItem& item) {
  const auto& e = item.entry;
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor", e.actor_id},
          {"actor_email", OptionalText(item.actor_email)},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"ip", e.ip},
          {"digest", e.digest},
          {"hash", e.hash}};
}

}  // namespace candor::api
