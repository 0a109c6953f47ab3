// Users, API keys and the audit trail of a tenant: the owner's administration.
#include "api/api.hpp"
#include "api/guard.hpp"
#include "api/serialize.hpp"
#include "services/api_key_service.hpp"
#include "services/audit_service.hpp"
#include "services/user_service.hpp"

namespace candor::api {
namespace {

using domain::Permission;
using services::Caller;

template <class T, class F>
http::Response PageResponse(const Result<services::Page<T>>& page, const http::Request& request,
                            F to_json) {
  if (!page.ok()) {
    return Problem(page.error(), request);
  }
  return JsonResponse(200, PageJson(page.value(), to_json));
}

}  // namespace

void RegisterAdminRoutes(http::Router& router, ApiServices& s) {
  router.Add("GET", "/api/v1/users",
             Guard(s, Permission::kUsersManage, [&s](const Caller& caller, http::Request& request) {
               auto query = ReadPageQuery(request);
               if (!query.ok()) {
                 return Problem(query.error(), request);
               }
               return PageResponse(s.users.List(caller, query->cursor, query->limit), request,
                                   UserJson);
             }));

  router.Add("POST", "/api/v1/users",
             Guard(s, Permission::kUsersManage, [&s](const Caller& caller, http::Request& request) {
               auto body = ReadJsonBody(request);
               if (!body.ok()) {
                 return Problem(body.error(), request);
               }
               FieldReader fields(*body);
               fields.RejectUnknown({"email", "display_name", "role", "password", "locale"});
               services::NewUser input;
               input.email = fields.String("email", true, 1, 254).value_or("");
               input.display_name = fields.String("display_name", true, 1, 100).value_or("");
               input.role = fields.String("role", true).value_or("");
               input.password = fields.String("password", true, 0, 1024).value_or("");
               input.locale = fields.String("locale", false).value_or("zh-CN");
               // Report every problem at once: the reader's (types, unknown fields) first, then
               // the service's rules for the fields the reader did not already reject.
               auto errors = fields.errors();
               for (auto& e : services::UserService::Validate(input)) {
                 bool seen = std::any_of(errors.begin(), errors.end(),
                                         [&](const FieldError& f) { return f.field == e.field; });
                 if (!seen) {
                   errors.push_back(std::move(e));
                 }
               }
               if (!errors.empty()) {
                 return Problem(Error::Validation(std::move(errors)), request);
               }
               auto user = s.users.Create(caller, input);
               if (!user.ok()) {
                 return Problem(user.error(), request);
               }
               return JsonResponse(201, UserJson(*user));
             }));

  router.Add("GET", "/api/v1/users/{id}",
             Guard(s, Permission::kUsersManage, [&s](const Caller& caller, http::Request& request) {
               auto user = s.users.Get(caller, std::string(request.PathParam("id")));
               if (!user.ok()) {
                 return Problem(user.error(), request);
               }
               return JsonResponse(200, UserJson(*user));
             }));

  router.Add("PATCH", "/api/v1/users/{id}",
             Guard(s, Permission::kUsersManage, [&s](const Caller& caller, http::Request& request) {
               auto body = ReadJsonBody(request);
               if (!body.ok()) {
                 return Problem(body.error(), request);
               }
               FieldReader fields(*body);
               fields.RejectUnknown({"display_name", "role", "locale", "disabled"});
               services::UserChanges changes;
               changes.display_name = fields.String("display_name", false, 0, 100);
               changes.role = fields.String("role", false);
               changes.locale = fields.String("locale", false);
               changes.disabled = fields.Bool("disabled", false);
               if (!fields.ok()) {
                 return Problem(fields.error(), request);
               }
               auto user = s.users.Update(caller, std::string(request.PathParam("id")), changes);
               if (!user.ok()) {
                 return Problem(user.error(), request);
               }
               return JsonResponse(200, UserJson(*user));
             }));

  router.Add(
      "GET", "/api/v1/api-keys",
      Guard(s, Permission::kApiKeysManage, [&s](const Caller& caller, http::Request& request) {
        auto query = ReadPageQuery(request);
        if (!query.ok()) {
          return Problem(query.error(), request);
        }
        return PageResponse(s.api_keys.List(caller, query->cursor, query->limit), request,
                            ApiKeyJson);
      }));

  router.Add(
      "POST", "/api/v1/api-keys",
      Guard(s, Permission::kApiKeysManage, [&s](const Caller& caller, http::Request& request) {
        auto body = ReadJsonBody(request);
        if (!body.ok()) {
          return Problem(body.error(), request);
        }
        FieldReader fields(*body);
        fields.RejectUnknown({"name"});
        auto name = fields.String("name", true, 1, 100);
        if (!fields.ok()) {
          return Problem(fields.error(), request);
        }
        auto created = s.api_keys.Create(caller, *name);
        if (!created.ok()) {
          return Problem(created.error(), request);
        }
        json::object out = ApiKeyJson(created->key);
        out["secret"] = created->secret;
        http::Response response = JsonResponse(201, out);
        response.AddHeader("Cache-Control", "no-store");
        return response;
      }));

  router.Add(
      "DELETE", "/api/v1/api-keys/{id}",
      Guard(s, Permission::kApiKeysManage, [&s](const Caller& caller, http::Request& request) {
        auto revoked = s.api_keys.Revoke(caller, std::string(request.PathParam("id")));
        if (!revoked.ok()) {
          return Problem(revoked.error(), request);
        }
        return http::Response::Empty(204);
      }));

  router.Add("GET", "/api/v1/audit",
             Guard(s, Permission::kAuditRead, [&s](const Caller& caller, http::Request& request) {
               auto query = ReadPageQuery(request);
               if (!query.ok()) {
                 return Problem(query.error(), request);
               }
               return PageResponse(s.audit.List(caller, query->cursor, query->limit), request,
                                   AuditJson);
             }));

  router.Add(
      "POST", "/api/v1/audit/verify",
      Guard(s, Permission::kAuditRead, [&s](const Caller& caller, http::Request&) {
        auto report = s.audit.Verify(caller.principal.tenant_id);
        return JsonResponse(
            200,
            json::object{
                {"ok", report.ok},
                {"checked", report.checked},
                {"first_broken_seq", report.first_broken_seq ? json::value(*report.first_broken_seq)
                                                             : json::value(nullptr)},
                {"reason", report.ok ? json::value(nullptr) : json::value(report.reason)}});
      }));
}

void RegisterSystemRoutes(http::Router& router, ApiServices& s);
void RegisterAuthRoutes(http::Router& router, ApiServices& s);

void RegisterRoutes(http::Router& router, ApiServices& s) {
  RegisterSystemRoutes(router, s);
  RegisterAuthRoutes(router, s);
  RegisterAdminRoutes(router, s);
}

}  // namespace candor::api
