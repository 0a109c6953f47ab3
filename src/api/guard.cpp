#include "api/guard.hpp"

#include <charconv>
#include <variant>

#include "common/crypto.hpp"
#include "services/auth_service.hpp"

namespace candor::api {

http::Response JsonResponse(int status, const json::value& body) {
  return http::Response::Json(status, json::serialize(body));
}

http::Response Problem(const Error& error, const http::Request& request) {
  return http::ProblemResponse(error, request);
}

Result<json::object> ReadJsonBody(const http::Request& request) {
  std::string_view type = request.HeaderValue("content-type");
  auto semi = type.find(';');
  std::string_view media = type.substr(0, semi);
  while (!media.empty() && media.back() == ' ') {
    media.remove_suffix(1);
  }
  if (media != "application/json") {
    return Error::Of("request.unsupported_media_type");
  }
  return ParseJsonObject(request.body);
}

Result<PageQuery> ReadPageQuery(const http::Request& request) {
  PageQuery q;
  if (auto limit = request.QueryParam("limit")) {
    int v = 0;
    auto [p, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), v);
    if (ec != std::errc() || p != limit->data() + limit->size() || v < 1 || v > 200) {
      return Error::Validation({{"limit", "out_of_range", "1–200"}});
    }
    q.limit = v;
  }
  if (auto cursor = request.QueryParam("cursor"); cursor && !cursor->empty()) {
    q.cursor = *cursor;
  }
  return q;
}

namespace {

// Once the caller is known, whether this request may proceed: the CSRF token for cookie
// sessions (cookies ride along on cross-site requests; a header cannot), then the permission.
std::optional<Error> Admit(const services::Principal& principal, const http::Request& request,
                           std::optional<domain::Permission> permission) {
  bool changes_state =
      request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
  if (principal.api_key_id.empty() && changes_state &&
      !crypto::ConstantTimeEquals(request.HeaderValue("x-csrf-token"), principal.csrf_token)) {
    return Error::Of("auth.csrf");
  }
  if (permission && !principal.Can(*permission)) {
    return Error::Of("auth.forbidden");
  }
  return std::nullopt;
}

// Who is calling and may they: the caller, or the problem to answer with.
std::variant<services::Caller, http::Response> Authorize(
    ApiServices& services, const http::Request& request,
    std::optional<domain::Permission> permission) {
  services::Caller caller;
  caller.origin = {request.remote_ip, request.request_id};
  std::string_view authorization = request.HeaderValue("authorization");
  bool api_key = authorization.starts_with("Bearer ");
  if (api_key) {
    auto principal = services.auth.AuthenticateApiKey(std::string(authorization.substr(7)));
    if (!principal.ok()) {
      return Problem(principal.error(), request);
    }
    caller.principal = std::move(principal.value());
  } else {
    auto principal = services.auth.AuthenticateSession(request.Cookie(kSessionCookie));
    if (!principal.ok()) {
      return Problem(principal.error(), request);
    }
    caller.principal = std::move(principal.value());
  }
  if (auto refused = Admit(caller.principal, request, permission)) {
    return Problem(*refused, request);
  }
  return caller;
}

}  // namespace

http::Handler Guard(ApiServices& services, std::optional<domain::Permission> permission,
                    GuardedHandler handler) {
  return [&services, permission, handler = std::move(handler)](http::Request& request) {
    auto outcome = Authorize(services, request, permission);
    if (auto* response = std::get_if<http::Response>(&outcome)) {
      return std::move(*response);
    }
    return handler(std::get<services::Caller>(outcome), request);
  };
}

http::FastPath FastGuard(ApiServices& services, std::optional<domain::Permission> permission,
                         PrincipalHandler handler) {
  return [&services, permission,
          handler = std::move(handler)](http::Request& request) -> std::optional<http::Response> {
    std::string_view authorization = request.HeaderValue("authorization");
    bool api_key = authorization.starts_with("Bearer ");
    auto principal = api_key ? services.auth.CachedApiKey(std::string(authorization.substr(7)))
                             : services.auth.CachedSession(request.Cookie(kSessionCookie));
    if (!principal) {
      return std::nullopt;  // the database must decide: the blocking handler runs
    }
    if (auto refused = Admit(*principal, request, permission)) {
      return Problem(*refused, request);
    }
    return handler(*principal, request);
  };
}

}  // namespace candor::api
