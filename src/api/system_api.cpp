// Health, readiness and metrics: for load balancers and Prometheus, no authentication.
#include "api/api.hpp"
#include "api/guard.hpp"
#include "http/metrics.hpp"
#include "storage/database.hpp"

namespace candor::api {

void RegisterSystemRoutes(http::Router& router, ApiServices& s) {
  router.Add(
      "GET", "/healthz",
      [](http::Request&) { return http::Response::Json(200, R"({"status":"ok"})"); },
      http::Execution::kInline);
  router.Add("GET", "/readyz", [&s](http::Request& request) {
    if (!s.db.Ping()) {
      return Problem(Error::Of("service.not_ready"), request);
    }
    return http::Response::Json(200, R"({"status":"ready"})");
  });
  router.Add(
      "GET", "/metrics",
      [&s, &router](http::Request&) {
        return http::Response{
            200, "text/plain; version=0.0.4; charset=utf-8", s.metrics.Render(router), {}};
      },
      http::Execution::kInline);
}

}  // namespace candor::api
