// TLS: the server speaks HTTPS when given a certificate, marks cookies Secure and sends HSTS.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>

#include "harness.hpp"

namespace candor::testing {
namespace {

std::string Shell(const std::string& cmd) {
  std::string out;
  FILE* pipe = popen((cmd + " 2>&1").c_str(), "r");
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
    out.append(buf.data(), n);
  }
  pclose(pipe);
  for (char& c : out) {  // header names are case-insensitive
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

TEST(Tls, ServesHttpsWithHstsAndSecureCookies) {
  std::string dir = MakeTempDir("candor-tls");
  Shell("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout " + dir +
        "/key.pem -out " + dir + "/cert.pem");
  ASSERT_TRUE(std::filesystem::exists(dir + "/cert.pem")) << "openssl could not make a certificate";
  ServerSetup setup;
  setup.tls_cert_file = dir + "/cert.pem";
  setup.tls_key_file = dir + "/key.pem";
  TestServer server(setup);
  std::string base = "https://127.0.0.1:" + std::to_string(server.port());

  std::string health = Shell("curl -sk -D - " + base + "/healthz");
  EXPECT_NE(health.find("http/1.1 200"), std::string::npos) << health;
  EXPECT_NE(health.find("strict-transport-security: max-age=31536000"), std::string::npos)
      << health;

  std::string login = Shell(
      "curl -sk -D - -H 'Content-Type: application/json' -d "
      "'{\"tenant\":\"demo\",\"email\":\"owner@demo.example\",\"password\":"
      "\"candor-demo-2026\"}' " +
      base + "/api/v1/auth/login");
  EXPECT_NE(login.find("http/1.1 200"), std::string::npos) << login;
  EXPECT_NE(login.find("; secure"), std::string::npos) << login;

  // Plain HTTP on the TLS port gets nowhere, and the server stays up.
  EXPECT_EQ(server.Request("GET", "/healthz").status, 0);
  EXPECT_NE(Shell("curl -sk " + base + "/healthz").find("\"ok\""), std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace candor::testing
