#include "harness.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/json.hpp"
#include "common/log.hpp"
#include "services/tenant_service.hpp"

namespace candor::testing {

std::string HttpResult::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string HttpResult::JsonField(const std::string& field) const {
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  if (ec || !v.is_object()) {
    return "";
  }
  const auto* f = v.as_object().if_contains(field);
  return f && f->is_string() ? std::string(f->as_string()) : "";
}

HttpResult ParseResponse(const std::string& raw) {
  HttpResult r;
  auto end = raw.find("\r\n\r\n");
  if (raw.size() < 12 || end == std::string::npos) {
    return r;
  }
  r.status = std::stoi(raw.substr(9, 3));
  size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    size_t eol = raw.find("\r\n", pos);
    std::string line = raw.substr(pos, eol - pos);
    auto colon = line.find(':');
    std::string name = line.substr(0, colon);
    for (char& c : name) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') {
      value.erase(0, 1);
    }
    r.headers.emplace(name, value);
    pos = eol + 2;
  }
  r.body = raw.substr(end + 4);
  return r;
}

HttpResult RawExchange(uint16_t port, const std::string& bytes, std::chrono::milliseconds timeout,
                       bool until_close, bool half_close) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return {};
  }
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      break;  // the server may close early (e.g. a body over the limit): read what it said
    }
    sent += static_cast<size_t>(n);
  }
  if (half_close) {
    shutdown(fd, SHUT_WR);
  }
  std::string raw;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  char buf[16384];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      break;
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) {
      break;
    }
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      break;
    }
    raw.append(buf, static_cast<size_t>(n));
    // Stop once a whole response with Content-Length has arrived.
    auto end = raw.find("\r\n\r\n");
    if (end != std::string::npos && !until_close) {
      HttpResult head = ParseResponse(raw);
      std::string len = head.Header("content-length");
      if (!len.empty() && raw.size() >= end + 4 + std::stoul(len)) {
        break;
      }
    }
  }
  close(fd);
  return ParseResponse(raw);
}

TestServer::TestServer(ServerSetup setup) {
  log::Initialize("warn", "text");
  db_ = std::make_unique<TestDatabase>(setup.dialect);
  dir_ = MakeTempDir("candor-it");
  std::filesystem::create_directories(dir_ + "/web/assets");
  std::ofstream(dir_ + "/web/index.html")
      << "<!doctype html><title>Candor</title><div id=root></div>";
  std::ofstream(dir_ + "/web/assets/app-1234.js") << "console.log('candor')";

  Config config;
  config.data_dir = dir_;
  config.database.url = db_->url();
  config.database.pool_size = 4;
  config.server.host = "127.0.0.1";
  config.server.port = 0;
  config.server.io_threads = 2;
  config.server.worker_threads = 4;
  config.server.static_dir = dir_ + "/web";
  config.server.read_timeout_seconds = setup.read_timeout_seconds;
  config.server.idle_timeout_seconds = setup.read_timeout_seconds;
  config.server.max_body_bytes = setup.max_body_bytes;
  config.server.max_header_bytes = setup.max_header_bytes;
  config.server.shutdown_grace_seconds = 10;
  config.server.tls_cert_file = setup.tls_cert_file;
  config.server.tls_key_file = setup.tls_key_file;
  config.security.data_keys_file = dir_ + "/keys/data.keys";
  config.security.argon2_memory_kib = 8;
  config.security.login_attempts_per_minute = setup.login_attempts_per_minute;
  config.log.access = false;

  auto rt = app::Runtime::Create(config);
  if (!rt.ok()) {
    throw std::runtime_error(rt.error().internal);
  }
  runtime_ = std::move(rt.value());
  if (auto m = runtime_->Migrate(); !m.ok()) {
    throw std::runtime_error(m.error().internal);
  }
  auto seeded = services::SeedDemo(runtime_->tenants(), runtime_->users());
  if (!seeded.ok()) {
    throw std::runtime_error("demo seed failed: " + seeded.error().code);
  }
  if (setup.extra_routes) {
    setup.extra_routes(runtime_->mutable_router());
  }
  server_ = runtime_->MakeServer(/*handle_signals=*/false);
  port_ = server_->Listen();
  thread_ = std::thread([this] { server_->Run(); });
}

void TestServer::Shutdown() {
  if (!stopped_) {
    stopped_ = true;
    server_->Shutdown();
    thread_.join();
  }
}

TestServer::~TestServer() {
  Shutdown();
  server_.reset();
  runtime_.reset();
  std::filesystem::remove_all(dir_);
}

HttpResult TestServer::Request(const std::string& method, const std::string& target,
                               const std::string& headers, const std::string& body) {
  std::string req =
      method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers;
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  return RawExchange(port_, req);
}

TestServer::Session TestServer::Login(const std::string& email, const std::string& tenant,
                                      const std::string& password) {
  json::object body{{"tenant", tenant}, {"email", email}, {"password", password}};
  auto r = Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                   json::serialize(body));
  EXPECT_EQ(r.status, 200) << r.body;
  Session s;
  std::string cookie = r.Header("set-cookie");
  s.cookie = cookie.substr(0, cookie.find(';'));
  s.csrf = r.JsonField("csrf_token");
  return s;
}

HttpResult TestServer::As(const Session& s, const std::string& method, const std::string& target,
                          const std::string& body, const std::string& extra_headers) {
  return Request(method, target,
                 "Cookie: " + s.cookie + "\r\nX-CSRF-Token: " + s.csrf +
                     "\r\nContent-Type: application/json\r\n" + extra_headers,
                 body);
}

}  // namespace candor::testing
