// Sign-in, sign-out and "who am I".
#include "api/api.hpp"
#include "api/guard.hpp"
#include "api/serialize.hpp"
#include "services/auth_service.hpp"
#include "services/tenant_service.hpp"

namespace candor::api {
namespace {

std::string SessionCookie(const std::string& value, int max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, ApiServices& s) {
  router.Add("POST", "/api/v1/auth/login", [&s](http::Request& request) {
    auto body = ReadJsonBody(request);
    if (!body.ok()) {
      return Problem(body.error(), request);
    }
    FieldReader fields(*body);
    auto tenant = fields.String("tenant", true, 1, 40);
    auto email = fields.String("email", true, 1, 254);
    auto password = fields.String("password", true, 1, 1024);
    if (!fields.ok()) {
      return Problem(fields.error(), request);
    }
    auto result =
        s.auth.Login({*tenant, *email, *password}, {request.remote_ip, request.request_id});
    if (!result.ok()) {
      return Problem(result.error(), request);
    }
    http::Response response =
        JsonResponse(200, json::object{{"user", MeJson(result->principal)},
                                       {"csrf_token", result->principal.csrf_token}});
    bool secure = s.secure_cookies || request.tls;
    // The cookie lives as long as the session; the server enforces the expiry either way.
    response.AddHeader("Set-Cookie",
                       SessionCookie(result->session_token, s.session_ttl_hours * 3600, secure));
    response.AddHeader("Cache-Control", "no-store");
    return response;
  });

  router.Add("POST", "/api/v1/auth/logout",
             Guard(s, std::nullopt, [&s](const services::Caller& caller, http::Request& request) {
               if (!caller.principal.api_key_id.empty()) {
                 return http::Response::Empty(204);  // API keys have no session to end
               }
               s.auth.Logout(request.Cookie(kSessionCookie), caller);
               http::Response response = http::Response::Empty(204);
               response.AddHeader("Set-Cookie",
                                  SessionCookie("", 0, s.secure_cookies || request.tls));
               return response;
             }));

  // Asked on every page load: answered on the I/O thread when the session is cached.
  auto me = [](const services::Principal& principal, http::Request&) {
    http::Response response = http::Response::Json(200, MeBody(principal));
    response.AddHeader("Cache-Control", "no-store");
    return response;
  };
  router.Add("GET", "/api/v1/me",
             Guard(s, std::nullopt,
                   [me](const services::Caller& caller, http::Request& request) {
                     return me(caller.principal, request);
                   }),
             http::Execution::kBlocking, FastGuard(s, std::nullopt, me));

  router.Add("GET", "/api/v1/tenant",
             Guard(s, std::nullopt, [&s](const services::Caller& caller, http::Request& request) {
               auto tenant = s.tenants.Get(caller);
               if (!tenant.ok()) {
                 return Problem(tenant.error(), request);
               }
               return JsonResponse(200, json::object{{"id", tenant->id},
                                                     {"slug", tenant->slug},
                                                     {"name", tenant->name},
                                                     {"created_at", tenant->created_at}});
             }));
}

}  // namespace candor::api
