#pragma once
// Configuration: a TOML file, then CANDOR_<SECTION>_<KEY> environment variables on top.
#include <functional>
#include <optional>
#include <string>

#include "common/result.hpp"

namespace candor {

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  int io_threads = 1;
  int worker_threads = 4;
  std::string static_dir = "web/dist";
  size_t max_header_bytes = 16 * 1024;
  size_t max_body_bytes = 10 * 1024 * 1024;
  int read_timeout_seconds = 30;
  int idle_timeout_seconds = 60;
  int shutdown_grace_seconds = 20;
  std::string public_url;  ///< defaults to http(s)://host:port
  std::string tls_cert_file;
  std::string tls_key_file;
  bool tls() const { return !tls_cert_file.empty(); }
};

struct DatabaseConfig {
  std::string url;  ///< sqlite://path or postgresql://…; defaults to sqlite://<data.dir>/candor.db
  int pool_size = 8;
};

struct SecurityConfig {
  std::string data_keys_file;  ///< defaults to <data.dir>/keys/data.keys
  int session_ttl_hours = 12;
  int login_max_failures = 5;
  int lockout_minutes = 15;
  int login_attempts_per_minute = 30;  ///< per client address, successful or not
  int argon2_memory_kib = 19 * 1024;
};

struct LogConfig {
  std::string level = "info";
  std::string format = "json";
  bool access = true;
};

struct Config {
  ServerConfig server;
  DatabaseConfig database;
  std::string data_dir = "data";
  SecurityConfig security;
  LogConfig log;
};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

/// Reads the file (if `path` is set; a missing file is an error then) and the environment.
/// Every failure names the setting and what was expected, e.g.
/// "server.listen (CANDOR_SERVER_LISTEN): expected host:port, got 'localhost'".
Result<Config> LoadConfig(const std::optional<std::string>& path, const EnvLookup& env);
/// The process environment, for LoadConfig.
std::optional<std::string> ProcessEnv(const std::string& name);

}  // namespace candor
