#pragma once
// Authentication, CSRF and permission checks wrapped around a handler, and JSON helpers.
#include <functional>
#include <optional>

#include "api/api.hpp"
#include "common/json.hpp"
#include "common/result.hpp"
#include "domain/roles.hpp"
#include "http/message.hpp"
#include "http/problem.hpp"
#include "services/context.hpp"

namespace candor::api {

inline constexpr const char* kSessionCookie = "candor_session";

using GuardedHandler = std::function<http::Response(const services::Caller&, http::Request&)>;

/// Resolves the caller from the session cookie or a bearer API key; requires X-CSRF-Token on
/// state-changing cookie requests; then checks `permission` (none: any signed-in caller).
http::Handler Guard(ApiServices& services, std::optional<domain::Permission> permission,
                    GuardedHandler handler);

/// The same checks answered from the session cache alone, for handlers that never block: used
/// as a route's fast path on the I/O thread. Gives nothing when the cache cannot decide.
using PrincipalHandler = std::function<http::Response(const services::Principal&, http::Request&)>;
http::FastPath FastGuard(ApiServices& services, std::optional<domain::Permission> permission,
                         PrincipalHandler handler);

/// Parses a JSON object body, insisting on Content-Type application/json.
Result<json::object> ReadJsonBody(const http::Request& request);

http::Response JsonResponse(int status, const json::value& body);
http::Response Problem(const Error& error, const http::Request& request);

/// limit and cursor query parameters, validated.
struct PageQuery {
  std::optional<int> limit;
  std::optional<std::string> cursor;
};
Result<PageQuery> ReadPageQuery(const http::Request& request);

}  // namespace candor::api
