#include "api/serialize.hpp"

#include <array>

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

namespace {

// The permission list depends on the role alone: serialised once per role.
const std::string& PermissionsJson(domain::Role role) {
  static const auto kByRole = [] {
    std::array<std::string, 6> out;
    for (auto r : domain::AllRoles()) {
      json::array list;
      for (auto permission : domain::AllPermissions()) {
        if (domain::HasPermission(r, permission)) {
          list.push_back(json::string(domain::PermissionName(permission)));
        }
      }
      out[static_cast<size_t>(r)] = json::serialize(list);
    }
    return out;
  }();
  return kByRole[static_cast<size_t>(role)];
}

}  // namespace

std::string MeBody(const services::Principal& p) {
  std::string out;
  out.reserve(640);
  auto field = [&](std::string_view name, std::string_view value) {
    out += out.empty() ? "{\"" : ",\"";
    out += name;
    out += "\":";
    AppendJsonString(out, value);
  };
  field("id", p.user_id);
  field("email", p.email);
  field("display_name", p.display_name);
  field("role", domain::RoleName(p.role));
  field("locale", p.locale);
  out += ",\"tenant\":{\"id\":";
  AppendJsonString(out, p.tenant_id);
  out += ",\"slug\":";
  AppendJsonString(out, p.tenant_slug);
  out += ",\"name\":";
  AppendJsonString(out, p.tenant_name);
  out += "},\"permissions\":";
  out += PermissionsJson(p.role);
  out += ",\"csrf_token\":";
  AppendJsonString(out, p.csrf_token);
  out += '}';
  return out;
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
