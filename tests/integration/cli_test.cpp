// The candor binary itself: configuration errors, graceful SIGTERM, and audit verification
// that finds rows edited or deleted directly in the database.
#include <gtest/gtest.h>
#include <signal.h>
#include <soci/soci.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "harness.hpp"

namespace candor::testing {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

RunResult RunCandor(const std::string& env, const std::string& args) {
  std::string cmd = env + " " + CANDOR_BINARY + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  RunResult r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
    r.output.append(buf.data(), n);
  }
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = MakeTempDir("candor-cli"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Env() const {
    return "CANDOR_DATA_DIR=" + dir_ + " CANDOR_LOG_LEVEL=warn CANDOR_SECURITY_ARGON2_MEMORY_KIB=8";
  }
  std::string dir_;
};

TEST_F(CliTest, BadSettingsStopStartUpNamingTheSetting) {
  auto r = RunCandor(Env() + " CANDOR_SERVER_LISTEN=localhost", "migrate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("server.listen (CANDOR_SERVER_LISTEN)"), std::string::npos) << r.output;

  std::ofstream(dir_ + "/bad.toml") << "[server]\nlisten = \"127.0.0.1:8080\"\nthreads = 4\n";
  r = RunCandor(Env(), "--config " + dir_ + "/bad.toml migrate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown setting server.threads"), std::string::npos) << r.output;

  r = RunCandor(Env() + " CANDOR_DATABASE_URL=mysql://x", "migrate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("database.url"), std::string::npos) << r.output;

  r = RunCandor(Env(), "--config " + dir_ + "/missing.toml migrate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("missing.toml"), std::string::npos) << r.output;
}

TEST_F(CliTest, MigrateIsRepeatableAndAdminCreatesAccounts) {
  auto r = RunCandor(Env(), "migrate");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("schema version 1"), std::string::npos);
  EXPECT_EQ(RunCandor(Env(), "migrate").exit_code, 0);
  r = RunCandor(Env(), "admin create-tenant --slug acme --name 'Acme 公司'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = RunCandor("echo 'a-strong-password-1' |" + Env(),
                "admin create-user --tenant acme --email hr@acme.example --name HR --role owner "
                "--password-stdin");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = RunCandor("echo 'short' |" + Env(),
                "admin create-user --tenant acme --email hr2@acme.example --name HR --role owner "
                "--password-stdin");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("password"), std::string::npos) << r.output;
  r = RunCandor(Env(), "admin create-tenant --slug 'Bad Slug' --name x");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("slug"), std::string::npos) << r.output;
}

TEST_F(CliTest, SigtermDrainsAndExitsCleanly) {
  std::string log = dir_ + "/serve.log";
  pid_t pid = fork();
  if (pid == 0) {
    setenv("CANDOR_DATA_DIR", dir_.c_str(), 1);
    setenv("CANDOR_SERVER_LISTEN", "127.0.0.1:0", 1);
    setenv("CANDOR_LOG_FORMAT", "text", 1);
    FILE* out = freopen(log.c_str(), "w", stdout);
    (void)out;
    dup2(fileno(stdout), fileno(stderr));
    execl(CANDOR_BINARY, CANDOR_BINARY, "serve", nullptr);
    _exit(127);
  }
  std::string text;
  for (int i = 0; i < 100 && text.find("running at") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::ifstream in(log);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_NE(text.find("running at"), std::string::npos) << text;
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::ifstream in(log);
  text.assign(std::istreambuf_iterator<char>(in), {});
  EXPECT_NE(text.find("server stopped"), std::string::npos) << text;
}

class AuditVerifyTest : public ::testing::TestWithParam<storage::Dialect> {};

TEST_P(AuditVerifyTest, FindsRowsEditedAndDeletedInTheDatabase) {
  TestDatabase db(GetParam());
  std::string dir = MakeTempDir("candor-audit");
  std::string env = "CANDOR_DATA_DIR=" + dir + " CANDOR_DATABASE_URL='" + db.url() +
                    "' CANDOR_LOG_LEVEL=warn CANDOR_SECURITY_ARGON2_MEMORY_KIB=8";
  ASSERT_EQ(RunCandor(env, "admin create-tenant --slug acme --name Acme").exit_code, 0);
  for (int i = 0; i < 4; ++i) {
    ASSERT_EQ(RunCandor("echo 'a-strong-password-1' |" + env,
                        "admin create-user --tenant acme --email u" + std::to_string(i) +
                            "@acme.example --name U --role recruiter --password-stdin")
                  .exit_code,
              0);
  }
  auto ok = RunCandor(env, "audit verify");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("ok, 5 entries"), std::string::npos) << ok.output;

  auto pool = db.Open(1);
  soci::session sql(pool->pool());
  // The tables refuse changes; an attacker with database access drops the guard first.
  EXPECT_THROW(sql << "UPDATE audit_log SET action = 'x' WHERE seq = 2", soci::soci_error);
  if (GetParam() == storage::Dialect::kSqlite) {
    sql << "DROP TRIGGER audit_log_no_update";
    sql << "DROP TRIGGER audit_log_no_delete";
  } else {
    sql << "DROP TRIGGER audit_log_no_change ON audit_log";
  }

  sql << "UPDATE audit_log SET action = 'user.nothing_to_see' WHERE seq = 3";
  auto edited = RunCandor(env, "audit verify");
  EXPECT_EQ(edited.exit_code, 3);
  EXPECT_NE(edited.output.find("BROKEN at entry 3: was edited"), std::string::npos)
      << edited.output;
  sql << "UPDATE audit_log SET action = 'user.create' WHERE seq = 3";  // put it back
  ASSERT_EQ(RunCandor(env, "audit verify").exit_code, 0);

  sql << "DELETE FROM audit_log WHERE seq = 2";
  auto deleted = RunCandor(env, "audit verify");
  EXPECT_EQ(deleted.exit_code, 3);
  EXPECT_NE(deleted.output.find("BROKEN at entry 3: entries 2 to 2 are missing"), std::string::npos)
      << deleted.output;

  TestDatabase db2(GetParam());  // a clean chain for the tail case
  std::string env2 =
      "CANDOR_DATA_DIR=" + dir + " CANDOR_DATABASE_URL='" + db2.url() + "' CANDOR_LOG_LEVEL=warn";
  ASSERT_EQ(RunCandor(env2, "admin create-tenant --slug tail --name Tail").exit_code, 0);
  ASSERT_EQ(RunCandor(env2, "admin create-tenant --slug tail2 --name Tail2").exit_code, 0);
  auto pool2 = db2.Open(1);
  soci::session sql2(pool2->pool());
  if (GetParam() == storage::Dialect::kSqlite) {
    sql2 << "DROP TRIGGER audit_log_no_delete";
  } else {
    sql2 << "DROP TRIGGER audit_log_no_change ON audit_log";
  }
  sql2 << "DELETE FROM audit_log";  // every tenant's only entry: the newest ones
  auto tail = RunCandor(env2, "audit verify");
  EXPECT_EQ(tail.exit_code, 3) << tail.output;
  EXPECT_NE(tail.output.find("entries 1 to 1 are missing"), std::string::npos) << tail.output;
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Databases, AuditVerifyTest, ::testing::ValuesIn(TestDialects()),
                         [](const auto& info) { return DialectName(info.param); });

}  // namespace
}  // namespace candor::testing
