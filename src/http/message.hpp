#pragma once
// HTTP requests and responses as the rest of Candor sees them: plain values, no Beast.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace candor::http {

struct Header {
  std::string name;  ///< lower-case in requests
  std::string value;
};

struct Request {
  std::string method;  ///< upper-case; HEAD is routed as GET
  std::string target;  ///< as received: path and query
  std::string path;
  std::string query;
  std::vector<Header> headers;
  std::string body;
  std::string remote_ip;
  std::string request_id;
  bool tls = false;
  std::vector<std::pair<std::string, std::string>> path_params;  ///< filled by the router

  /// First header of that (lower-case) name, or "".
  std::string_view HeaderValue(std::string_view lower_name) const;
  /// A query parameter, percent-decoded.
  std::optional<std::string> QueryParam(std::string_view name) const;
  std::string_view PathParam(std::string_view name) const;
  /// A cookie's value from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<Header> headers;

  static Response Json(int status, std::string body);
  static Response Empty(int status) { return Response{status, {}, {}, {}}; }
  void AddHeader(std::string name, std::string value) {
    headers.push_back({std::move(name), std::move(value)});
  }
};

/// Decodes %XX and '+' (as in query strings). Invalid escapes are kept as they are.
std::string PercentDecode(std::string_view text, bool plus_is_space);

}  // namespace candor::http
