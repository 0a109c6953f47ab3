#include "common/config.hpp"

#include <toml++/toml.h>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <vector>

namespace candor {
namespace {

using Setter = std::function<std::optional<std::string>(Config&, const std::string&)>;

struct Setting {
  std::string key;  // "server.listen"
  Setter set;       // returns what was expected when the text does not fit
};

Setter Int(int min, int max, std::function<void(Config&, int)> store) {
  return [=](Config& c, const std::string& text) -> std::optional<std::string> {
    long long v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || p != text.data() + text.size() || v < min || v > max) {
      return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    }
    store(c, static_cast<int>(v));
    return std::nullopt;
  };
}

Setter Text(std::function<void(Config&, const std::string&)> store, bool allow_empty = true) {
  return [=](Config& c, const std::string& text) -> std::optional<std::string> {
    if (!allow_empty && text.empty()) {
      return "a non-empty text";
    }
    store(c, text);
    return std::nullopt;
  };
}

Setter OneOf(std::vector<std::string> allowed,
             std::function<void(Config&, const std::string&)> store) {
  return [=](Config& c, const std::string& text) -> std::optional<std::string> {
    for (const auto& a : allowed) {
      if (a == text) {
        store(c, text);
        return std::nullopt;
      }
    }
    std::string list;
    for (const auto& a : allowed) {
      list += (list.empty() ? "" : ", ") + a;
    }
    return "one of " + list;
  };
}

std::vector<Setting> Settings() {
  std::vector<Setting> s;
  s.push_back(
      {"server.listen", [](Config& c, const std::string& text) -> std::optional<std::string> {
         auto colon = text.rfind(':');
         int port = -1;
         if (colon != std::string::npos && colon > 0) {
           auto [p, ec] = std::from_chars(text.data() + colon + 1, text.data() + text.size(), port);
           if (ec != std::errc() || p != text.data() + text.size()) {
             port = -1;
           }
         }
         if (port < 0 || port > 65535) {
           return "host:port, such as 127.0.0.1:8080 (port 0 picks a free one)";
         }
         std::string host = text.substr(0, colon);
         if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
           host = host.substr(1, host.size() - 2);
         }
         c.server.host = host;
         c.server.port = static_cast<uint16_t>(port);
         return std::nullopt;
       }});
  s.push_back({"server.io_threads", Int(1, 64, [](Config& c, int v) { c.server.io_threads = v; })});
  s.push_back({"server.worker_threads",
               Int(1, 256, [](Config& c, int v) { c.server.worker_threads = v; })});
  s.push_back({"server.static_dir",
               Text([](Config& c, const std::string& v) { c.server.static_dir = v; })});
  s.push_back({"server.max_header_bytes", Int(1024, 1 << 20, [](Config& c, int v) {
                 c.server.max_header_bytes = static_cast<size_t>(v);
               })});
  s.push_back({"server.max_body_bytes", Int(1024, 1 << 30, [](Config& c, int v) {
                 c.server.max_body_bytes = static_cast<size_t>(v);
               })});
  s.push_back({"server.read_timeout_seconds",
               Int(1, 3600, [](Config& c, int v) { c.server.read_timeout_seconds = v; })});
  s.push_back({"server.idle_timeout_seconds",
               Int(1, 3600, [](Config& c, int v) { c.server.idle_timeout_seconds = v; })});
  s.push_back({"server.shutdown_grace_seconds",
               Int(0, 3600, [](Config& c, int v) { c.server.shutdown_grace_seconds = v; })});
  s.push_back({"server.public_url",
               Text([](Config& c, const std::string& v) { c.server.public_url = v; })});
  s.push_back({"server.tls.cert_file",
               Text([](Config& c, const std::string& v) { c.server.tls_cert_file = v; })});
  s.push_back({"server.tls.key_file",
               Text([](Config& c, const std::string& v) { c.server.tls_key_file = v; })});
  s.push_back({"database.url", [](Config& c, const std::string& v) -> std::optional<std::string> {
                 if (!v.starts_with("sqlite://") && !v.starts_with("postgresql://") &&
                     !v.starts_with("postgres://")) {
                   return "a URL starting with sqlite:// or postgresql://";
                 }
                 c.database.url = v;
                 return std::nullopt;
               }});
  s.push_back(
      {"database.pool_size", Int(1, 512, [](Config& c, int v) { c.database.pool_size = v; })});
  s.push_back({"data.dir", Text([](Config& c, const std::string& v) { c.data_dir = v; }, false)});
  s.push_back({"security.data_keys_file",
               Text([](Config& c, const std::string& v) { c.security.data_keys_file = v; })});
  s.push_back({"security.session_ttl_hours",
               Int(1, 24 * 90, [](Config& c, int v) { c.security.session_ttl_hours = v; })});
  s.push_back({"security.login_max_failures",
               Int(1, 100, [](Config& c, int v) { c.security.login_max_failures = v; })});
  s.push_back({"security.lockout_minutes",
               Int(1, 24 * 60, [](Config& c, int v) { c.security.lockout_minutes = v; })});
  s.push_back({"security.login_attempts_per_minute",
               Int(1, 100000, [](Config& c, int v) { c.security.login_attempts_per_minute = v; })});
  s.push_back({"security.argon2_memory_kib", Int(8, 4 * 1024 * 1024, [](Config& c, int v) {
                 c.security.argon2_memory_kib = v;
               })});
  s.push_back({"log.level", OneOf({"trace", "debug", "info", "warn", "error", "off"},
                                  [](Config& c, const std::string& v) { c.log.level = v; })});
  s.push_back({"log.format",
               OneOf({"json", "text"}, [](Config& c, const std::string& v) { c.log.format = v; })});
  s.push_back({"log.access", OneOf({"true", "false"}, [](Config& c, const std::string& v) {
                 c.log.access = v == "true";
               })});
  return s;
}

std::string EnvName(const std::string& key) {
  std::string name = "CANDOR_";
  for (char ch : key) {
    name += ch == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  return name;
}

Error ConfigError(const std::string& key, const std::string& expected, const std::string& got) {
  return Error::Internal("setting " + key + " (" + EnvName(key) + "): expected " + expected +
                         ", got '" + got + "'");
}

std::string TomlText(const toml::node& node) {
  if (auto s = node.as_string()) {
    return s->get();
  }
  if (auto i = node.as_integer()) {
    return std::to_string(i->get());
  }
  if (auto b = node.as_boolean()) {
    return b->get() ? "true" : "false";
  }
  return "\x01";  // a table, array or float: fits no setting
}

}  // namespace

std::optional<std::string> ProcessEnv(const std::string& name) {
  const char* v = std::getenv(name.c_str());
  return v ? std::optional<std::string>(v) : std::nullopt;
}

Result<Config> LoadConfig(const std::optional<std::string>& path, const EnvLookup& env) {
  Config config;
  auto settings = Settings();
  auto find = [&](const std::string& key) -> const Setting* {
    for (const auto& s : settings) {
      if (s.key == key) {
        return &s;
      }
    }
    return nullptr;
  };

  if (path) {
    toml::table table;
    try {
      table = toml::parse_file(*path);
    } catch (const toml::parse_error& e) {
      const auto& where = e.source().begin;
      return Error::Internal("config file " + *path + ":" + std::to_string(where.line) + ":" +
                             std::to_string(where.column) + ": " + std::string(e.description()));
    }
    std::optional<Error> failure;
    // Walk every leaf so that a misspelt key is reported rather than silently ignored.
    std::function<void(const toml::table&, const std::string&)> walk =
        [&](const toml::table& t, const std::string& prefix) {
          for (const auto& [k, node] : t) {
            if (failure) {
              return;
            }
            std::string key =
                prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
            if (const auto* sub = node.as_table()) {
              walk(*sub, key);
              continue;
            }
            const Setting* setting = find(key);
            if (!setting) {
              failure = Error::Internal("config file " + *path + ": unknown setting " + key);
              return;
            }
            std::string text = TomlText(node);
            if (auto expected = setting->set(config, text)) {
              failure = ConfigError(key, *expected, text == "\x01" ? "a table or array" : text);
            }
          }
        };
    walk(table, "");
    if (failure) {
      return *failure;
    }
  }

  for (const auto& setting : settings) {
    if (auto value = env(EnvName(setting.key))) {
      if (auto expected = setting.set(config, *value)) {
        return ConfigError(setting.key, *expected, *value);
      }
    }
  }

  if (config.database.url.empty()) {
    config.database.url =
        "sqlite://" + (std::filesystem::path(config.data_dir) / "candor.db").string();
  }
  if (config.security.data_keys_file.empty()) {
    config.security.data_keys_file =
        (std::filesystem::path(config.data_dir) / "keys" / "data.keys").string();
  }
  if (config.server.tls_cert_file.empty() != config.server.tls_key_file.empty()) {
    return Error::Internal(
        "settings server.tls.cert_file (CANDOR_SERVER_TLS_CERT_FILE) and server.tls.key_file "
        "(CANDOR_SERVER_TLS_KEY_FILE): set both to enable TLS, or neither");
  }
  if (config.server.public_url.empty()) {
    std::string host = config.server.host == "0.0.0.0" || config.server.host.empty()
                           ? "localhost"
                           : config.server.host;
    if (host.find(':') != std::string::npos) {
      host = "[" + host + "]";  // an IPv6 address in a URL
    }
    config.server.public_url = std::string(config.server.tls() ? "https://" : "http://") + host +
                               ":" + std::to_string(config.server.port);
  }
  return config;
}

}  // namespace candor
