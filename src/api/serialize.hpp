#pragma once
// JSON shapes of the API's resources (docs/api/openapi.yaml).
#include "common/json.hpp"
#include "services/api_key_service.hpp"
#include "services/audit_service.hpp"
#include "services/context.hpp"
#include "services/principal_loader.hpp"

namespace candor::api {

json::object MeJson(const services::Principal& principal);
/// The same document as MeJson, serialised directly: /api/v1/me answers it on every page load.
std::string MeBody(const services::Principal& principal);
json::object UserJson(const services::UserView& user);
json::object ApiKeyJson(const services::ApiKeyView& key);
json::object AuditJson(const services::AuditItem& item);

template <class T, class F>
json::object PageJson(const services::Page<T>& page, F to_json) {
  json::array items;
  for (const auto& item : page.items) {
    items.push_back(to_json(item));
  }
  json::object out;
  out["items"] = std::move(items);
  out["next_cursor"] = page.next_cursor ? json::value(*page.next_cursor) : json::value(nullptr);
  return out;
}

}  // namespace candor::api
