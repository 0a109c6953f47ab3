#pragma once
// The HTTP/1.1 server (Boost.Beast + Asio, one coroutine per connection). Beast stays inside
// server.cpp; callers see plain options, a Router and StaticFiles.
#include <cstdint>
#include <memory>
#include <string>

namespace candor::http {

class Router;
class StaticFiles;
class Metrics;

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  ///< 0 picks a free port (tests)
  int io_threads = 1;
  int worker_threads = 4;
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 10 * 1024 * 1024;
  int read_timeout_seconds = 30;  ///< to receive a whole request
  int idle_timeout_seconds = 60;  ///< a kept-alive connection may wait this long for the next
  int shutdown_grace_seconds = 20;
  std::string tls_cert_file;  ///< TLS on when set (with the key)
  std::string tls_key_file;
  bool access_log = true;
  bool handle_signals = true;  ///< SIGTERM/SIGINT start a graceful shutdown
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, const StaticFiles& files, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and listens; returns the port (useful with port 0). Throws when it cannot bind.
  uint16_t Listen();
  /// Serves until a graceful shutdown completes. Call Listen() first.
  void Run();
  /// Stops accepting, lets in-flight requests finish (up to the grace period), then returns
  /// from Run(). Safe from any thread.
  void Shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace candor::http
