#pragma once
// Routes: method + path pattern ("/api/v1/users/{id}") → handler, and where the handler runs.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace candor::http {

using Handler = std::function<Response(Request&)>;
/// An optional non-blocking first try on the I/O thread (e.g. a cached session): it answers, or
/// returns nothing and the route's handler runs as its Execution says.
using FastPath = std::function<std::optional<Response>(Request&)>;

/// kBlocking handlers (database, hashing, files) run on the worker pool, never on an I/O thread;
/// kInline handlers must not block.
enum class Execution { kInline, kBlocking };

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  Execution execution = Execution::kBlocking;
  size_t index = 0;  ///< position in the table, for metrics
  FastPath fast_path;
};

struct Match {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::string allowed;  ///< methods for this path when the method did not match ("GET, POST")
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler,
           Execution execution = Execution::kBlocking, FastPath fast_path = {});
  /// The route for this method and path; `route` is null when none matches.
  Match Find(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace candor::http
