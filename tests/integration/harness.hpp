#pragma once
// A real Candor server on a free port (real database, real sockets) and a small HTTP client
// that speaks raw bytes, so tests can send what no well-behaved client would.
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>

#include "app/runtime.hpp"
#include "support/test_db.hpp"

namespace candor::testing {

struct HttpResult {
  int status = 0;                                   ///< 0 when the server closed without answering
  std::multimap<std::string, std::string> headers;  ///< lower-case names
  std::string body;
  std::string Header(const std::string& name) const;
  /// A JSON body's top-level string field, or "".
  std::string JsonField(const std::string& field) const;
};

/// Sends raw bytes on a new connection and reads one response (or until close / timeout).
/// With `until_close`, keeps reading past the first response (its body then holds the rest);
/// with `half_close`, shuts the sending side after the bytes, so the server sees the end at once.
HttpResult RawExchange(uint16_t port, const std::string& bytes,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10),
                       bool until_close = false, bool half_close = false);
/// Parses one HTTP/1.1 response from `raw`.
HttpResult ParseResponse(const std::string& raw);

struct ServerSetup {
  storage::Dialect dialect = storage::Dialect::kSqlite;
  int read_timeout_seconds = 5;
  size_t max_body_bytes = 64 * 1024;
  size_t max_header_bytes = 8 * 1024;
  int login_attempts_per_minute = 1000;
  std::string tls_cert_file;
  std::string tls_key_file;
  /// Called with the router before the server starts (to add test-only routes).
  std::function<void(http::Router&)> extra_routes;
};

class TestServer {
 public:
  explicit TestServer(ServerSetup setup = {});
  ~TestServer();
  uint16_t port() const { return port_; }
  app::Runtime& runtime() { return *runtime_; }
  const std::string& data_dir() const { return dir_; }
  void Shutdown();  ///< graceful; returns when Run() has returned

  /// A request with Connection: close. `headers` are extra "Name: value\r\n" lines.
  HttpResult Request(const std::string& method, const std::string& target,
                     const std::string& headers = "", const std::string& body = "");

  struct Session {
    std::string cookie;  ///< "candor_session=…"
    std::string csrf;
  };
  /// Signs in through the API; fails the test when it cannot.
  Session Login(const std::string& email, const std::string& tenant = "demo",
                const std::string& password = "candor-demo-2026");
  /// A request as that session: cookie, CSRF token and JSON content type.
  HttpResult As(const Session& s, const std::string& method, const std::string& target,
                const std::string& body = "", const std::string& extra_headers = "");

 private:
  std::unique_ptr<TestDatabase> db_;
  std::string dir_;
  std::unique_ptr<app::Runtime> runtime_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
  bool stopped_ = false;
};

}  // namespace candor::testing
