#include "common/config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "support/test_db.hpp"

namespace candor {
namespace {

using ::testing::HasSubstr;

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir("candor-config"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WriteFile(const std::string& text) {
    std::string path = dir_ + "/candor.toml";
    std::ofstream(path) << text;
    return path;
  }
  EnvLookup Env() const {
    return [this](const std::string& name) -> std::optional<std::string> {
      auto it = env_.find(name);
      return it == env_.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
  }
  Result<Config> Load(std::optional<std::string> path = std::nullopt) {
    return LoadConfig(path, Env());
  }
  // The message of a configuration error (kept out of responses, shown on the console).
  std::string ErrorOf(const Result<Config>& result) {
    EXPECT_FALSE(result.ok());
    return result.ok() ? "" : result.error().internal;
  }

  std::string dir_;
  std::map<std::string, std::string> env_;
};

TEST_F(ConfigTest, DefaultsWithoutFileOrEnvironment) {
  auto config = Load();
  ASSERT_TRUE(config.ok()) << config.error().internal;
  EXPECT_EQ(config->server.host, "127.0.0.1");
  EXPECT_EQ(config->server.port, 8080);
  EXPECT_FALSE(config->server.tls());
  EXPECT_EQ(config->server.public_url, "http://127.0.0.1:8080");
  EXPECT_EQ(config->database.url, "sqlite://data/candor.db");
  EXPECT_EQ(config->database.pool_size, 8);
  EXPECT_EQ(config->security.data_keys_file, "data/keys/data.keys");
  EXPECT_EQ(config->security.login_max_failures, 5);
  EXPECT_EQ(config->security.argon2_memory_kib, 19 * 1024);
  EXPECT_EQ(config->log.format, "json");
  EXPECT_TRUE(config->log.access);
}

TEST_F(ConfigTest, FileSetsValuesAndDerivedDefaultsFollowDataDir) {
  auto path = WriteFile(R"(
[server]
listen = "0.0.0.0:9000"
worker_threads = 2

[data]
dir = "/srv/candor"

[security]
lockout_minutes = 30

[log]
format = "text"
access = false
)");
  auto config = Load(path);
  ASSERT_TRUE(config.ok()) << config.error().internal;
  EXPECT_EQ(config->server.host, "0.0.0.0");
  EXPECT_EQ(config->server.port, 9000);
  EXPECT_EQ(config->server.worker_threads, 2);
  // A wildcard listen address is not a URL a browser can open.
  EXPECT_EQ(config->server.public_url, "http://localhost:9000");
  EXPECT_EQ(config->database.url, "sqlite:///srv/candor/candor.db");
  EXPECT_EQ(config->security.data_keys_file, "/srv/candor/keys/data.keys");
  EXPECT_EQ(config->security.lockout_minutes, 30);
  EXPECT_EQ(config->log.format, "text");
  EXPECT_FALSE(config->log.access);
}

TEST_F(ConfigTest, EnvironmentOverridesFile) {
  auto path = WriteFile("[server]\nlisten = \"127.0.0.1:9000\"\n[database]\npool_size = 4\n");
  env_["CANDOR_SERVER_LISTEN"] = "[::1]:7000";
  env_["CANDOR_DATABASE_POOL_SIZE"] = "16";
  env_["CANDOR_DATABASE_URL"] = "postgresql://candor@db/candor";
  env_["CANDOR_SECURITY_ARGON2_MEMORY_KIB"] = "8";
  env_["CANDOR_SERVER_TLS_CERT_FILE"] = "/etc/candor/cert.pem";
  env_["CANDOR_SERVER_TLS_KEY_FILE"] = "/etc/candor/key.pem";
  auto config = Load(path);
  ASSERT_TRUE(config.ok()) << config.error().internal;
  EXPECT_EQ(config->server.host, "::1");
  EXPECT_EQ(config->server.port, 7000);
  EXPECT_EQ(config->database.pool_size, 16);
  EXPECT_EQ(config->database.url, "postgresql://candor@db/candor");
  EXPECT_EQ(config->security.argon2_memory_kib, 8);
  EXPECT_TRUE(config->server.tls());
}

TEST_F(ConfigTest, TlsMakesThePublicUrlHttps) {
  env_["CANDOR_SERVER_LISTEN"] = "10.0.0.5:8443";
  env_["CANDOR_SERVER_TLS_CERT_FILE"] = "/etc/candor/cert.pem";
  env_["CANDOR_SERVER_TLS_KEY_FILE"] = "/etc/candor/key.pem";
  auto config = Load();
  ASSERT_TRUE(config.ok()) << config.error().internal;
  EXPECT_EQ(config->server.public_url, "https://10.0.0.5:8443");
}

TEST_F(ConfigTest, Ipv6ListenAddressIsBracketedInThePublicUrl) {
  env_["CANDOR_SERVER_LISTEN"] = "[::1]:7000";
  auto config = Load();
  ASSERT_TRUE(config.ok()) << config.error().internal;
  EXPECT_EQ(config->server.public_url, "http://[::1]:7000");
}

TEST_F(ConfigTest, ExplicitPublicUrlIsKept) {
  env_["CANDOR_SERVER_PUBLIC_URL"] = "https://hire.example.com";
  auto config = Load();
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->server.public_url, "https://hire.example.com");
}

TEST_F(ConfigTest, PortZeroIsAllowedForTests) {
  env_["CANDOR_SERVER_LISTEN"] = "127.0.0.1:0";
  auto config = Load();
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->server.port, 0);
}

TEST_F(ConfigTest, MissingFileIsAnError) {
  auto message = ErrorOf(Load(dir_ + "/absent.toml"));
  EXPECT_THAT(message, HasSubstr("absent.toml"));
}

TEST_F(ConfigTest, SyntaxErrorNamesFileAndLine) {
  auto path = WriteFile("[server]\nlisten = \n");
  auto message = ErrorOf(Load(path));
  EXPECT_THAT(message, HasSubstr("candor.toml:2"));
}

TEST_F(ConfigTest, UnknownKeyInFileIsNamed) {
  auto path = WriteFile("[server]\nlisen = \"127.0.0.1:8080\"\n");
  auto message = ErrorOf(Load(path));
  EXPECT_THAT(message, HasSubstr("unknown setting server.lisen"));
}

TEST_F(ConfigTest, UnknownSectionInFileIsNamed) {
  auto path = WriteFile("[securty]\nlockout_minutes = 5\n");
  auto message = ErrorOf(Load(path));
  EXPECT_THAT(message, HasSubstr("securty.lockout_minutes"));
}

TEST_F(ConfigTest, WrongTypeInFileIsNamed) {
  auto path = WriteFile("[server]\nio_threads = [1, 2]\n");
  auto message = ErrorOf(Load(path));
  EXPECT_THAT(message, HasSubstr("server.io_threads (CANDOR_SERVER_IO_THREADS)"));
  EXPECT_THAT(message, HasSubstr("a table or array"));
}

struct BadValue {
  std::string env_name;
  std::string value;
  std::string setting;   // what the message must name
  std::string expected;  // and what it must say was expected

  // Printed in test names and failures instead of the struct's raw bytes.
  friend void PrintTo(const BadValue& c, std::ostream* os) {
    *os << c.env_name << "='" << c.value << "'";
  }
};

class ConfigBadValueTest : public ConfigTest, public ::testing::WithParamInterface<BadValue> {};

TEST_P(ConfigBadValueTest, FromEnvironmentNamesSettingAndVariable) {
  const auto& c = GetParam();
  env_[c.env_name] = c.value;
  auto message = ErrorOf(Load());
  EXPECT_THAT(message, HasSubstr(c.setting + " (" + c.env_name + ")"));
  EXPECT_THAT(message, HasSubstr(c.expected));
  EXPECT_THAT(message, HasSubstr("got '" + c.value + "'"));
}

TEST_P(ConfigBadValueTest, FromFileNamesSettingAndVariable) {
  const auto& c = GetParam();
  auto dot = c.setting.rfind('.');
  std::string section = c.setting.substr(0, dot);
  std::string key = c.setting.substr(dot + 1);
  auto path = WriteFile("[" + section + "]\n" + key + " = \"" + c.value + "\"\n");
  auto message = ErrorOf(Load(path));
  EXPECT_THAT(message, HasSubstr(c.setting + " (" + c.env_name + ")"));
  EXPECT_THAT(message, HasSubstr(c.expected));
}

INSTANTIATE_TEST_SUITE_P(
    Settings, ConfigBadValueTest,
    ::testing::Values(
        BadValue{"CANDOR_SERVER_LISTEN", "127.0.0.1:99999", "server.listen", "host:port"},
        BadValue{"CANDOR_SERVER_LISTEN", "localhost", "server.listen", "host:port"},
        BadValue{"CANDOR_SERVER_LISTEN", ":8080", "server.listen", "host:port"},
        BadValue{"CANDOR_SERVER_LISTEN", "127.0.0.1:80x", "server.listen", "host:port"},
        BadValue{"CANDOR_SERVER_LISTEN", "127.0.0.1:-1", "server.listen", "host:port"},
        BadValue{"CANDOR_LOG_FORMAT", "xml", "log.format", "one of json, text"},
        BadValue{"CANDOR_LOG_LEVEL", "verbose", "log.level", "one of trace"},
        BadValue{"CANDOR_LOG_ACCESS", "yes", "log.access", "one of true, false"},
        BadValue{"CANDOR_DATABASE_POOL_SIZE", "0", "database.pool_size",
                 "a whole number from 1 to 512"},
        BadValue{"CANDOR_DATABASE_POOL_SIZE", "8 ", "database.pool_size", "a whole number"},
        BadValue{"CANDOR_DATABASE_POOL_SIZE", "eight", "database.pool_size", "a whole number"},
        BadValue{"CANDOR_DATABASE_URL", "mysql://db", "database.url", "sqlite:// or postgresql://"},
        BadValue{"CANDOR_SECURITY_ARGON2_MEMORY_KIB", "4", "security.argon2_memory_kib",
                 "a whole number from 8"},
        BadValue{"CANDOR_SECURITY_SESSION_TTL_HOURS", "0", "security.session_ttl_hours",
                 "a whole number from 1"},
        BadValue{"CANDOR_SERVER_IO_THREADS", "99999999999999999999", "server.io_threads",
                 "a whole number from 1 to 64"},
        BadValue{"CANDOR_DATA_DIR", "", "data.dir", "a non-empty text"}),
    [](const ::testing::TestParamInfo<BadValue>& info) {
      return "Case" + std::to_string(info.index);
    });

TEST_F(ConfigTest, BadValueInFileIsReportedEvenWhenEnvironmentWouldFixIt) {
  auto path = WriteFile("[database]\npool_size = 0\n");
  env_["CANDOR_DATABASE_POOL_SIZE"] = "4";
  auto message = ErrorOf(Load(path));
  EXPECT_THAT(message, HasSubstr("database.pool_size"));
}

TEST_F(ConfigTest, TlsCertificateWithoutKeyNamesBothSettings) {
  env_["CANDOR_SERVER_TLS_CERT_FILE"] = "/etc/candor/cert.pem";
  auto message = ErrorOf(Load());
  EXPECT_THAT(message, HasSubstr("server.tls.cert_file"));
  EXPECT_THAT(message, HasSubstr("server.tls.key_file"));
}

TEST_F(ConfigTest, TlsCertificateWithoutKeyNamesTheEnvironmentVariables) {
  // Like every configuration error, this one names the variables as well as the settings.
  env_["CANDOR_SERVER_TLS_CERT_FILE"] = "/etc/candor/cert.pem";
  auto message = ErrorOf(Load());
  EXPECT_THAT(message, HasSubstr("CANDOR_SERVER_TLS_CERT_FILE"));
  EXPECT_THAT(message, HasSubstr("CANDOR_SERVER_TLS_KEY_FILE"));
}

TEST_F(ConfigTest, TlsKeyWithoutCertificateIsAnError) {
  auto path = WriteFile("[server.tls]\nkey_file = \"/etc/candor/key.pem\"\n");
  auto message = ErrorOf(Load(path));
  EXPECT_THAT(message, HasSubstr("server.tls.cert_file"));
}

}  // namespace
}  // namespace candor
