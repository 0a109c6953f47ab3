#include "services/auth_service.hpp"

#include <gtest/gtest.h>

#include "common/messages.hpp"
#include "service_fixture.hpp"
#include "storage/records.hpp"

namespace candor::services {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

class AuthServiceTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    if (HasFatalFailure()) {
      return;
    }
    acme_ = CreateTenant("acme");
    owner_ = CreateUser(acme_.id, "Owner@Acme.example", "owner", "王芳");
    bob_ = CreateUser(acme_.id, "bob@acme.example", "recruiter", "Bob");
  }

  storage::TenantRow acme_;
  UserView owner_, bob_;
};

TEST_P(AuthServiceTest, LoginOpensASession) {
  auto login = Login("acme", "owner@acme.example");
  ASSERT_TRUE(login.ok()) << login.error().code;
  EXPECT_GE(login->session_token.size(), 40u);
  const Principal& p = login->principal;
  EXPECT_EQ(p.tenant_id, acme_.id);
  EXPECT_EQ(p.tenant_slug, "acme");
  EXPECT_EQ(p.user_id, owner_.id);
  EXPECT_EQ(p.email, "owner@acme.example");
  EXPECT_EQ(p.display_name, "王芳");
  EXPECT_EQ(p.role, domain::Role::kOwner);
  EXPECT_EQ(p.locale, "en-US");
  EXPECT_FALSE(p.csrf_token.empty());
  EXPECT_TRUE(p.api_key_id.empty());

  auto session = auth_->AuthenticateSession(login->session_token);
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->user_id, owner_.id);
  EXPECT_EQ(session->csrf_token, p.csrf_token);
}

TEST_P(AuthServiceTest, SessionTokenIsStoredOnlyAsAHash) {
  auto login = Login("acme", "bob@acme.example");
  ASSERT_TRUE(login.ok());
  for (const auto& cell : TextCells("sessions")) {
    EXPECT_EQ(cell.find(login->session_token), std::string::npos);
  }
  // The session is found from the database too, not only from this node's cache.
  auth_->InvalidateCache();
  EXPECT_TRUE(auth_->AuthenticateSession(login->session_token).ok());
}

TEST_P(AuthServiceTest, EmailIsMatchedWithoutCaseOrSurroundingSpaces) {
  EXPECT_TRUE(Login("acme", "  OWNER@acme.EXAMPLE ").ok());
}

TEST_P(AuthServiceTest, WrongPasswordIsRefused) {
  auto login = Login("acme", "bob@acme.example", "correct horse batterY");
  ASSERT_FALSE(login.ok());
  EXPECT_EQ(login.error().code, "auth.invalid_credentials");
}

TEST_P(AuthServiceTest, UnknownTenantAndUnknownUserLookTheSame) {
  auto wrong_password = Login("acme", "bob@acme.example", "wrong password!");
  auto unknown_user = Login("acme", "nobody@acme.example");
  auto unknown_tenant = Login("no-such-org", "bob@acme.example");
  auto similar_email = Login("acme", "bob@acme.example.cn");
  for (const auto* r : {&wrong_password, &unknown_user, &unknown_tenant, &similar_email}) {
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().code, "auth.invalid_credentials");
    EXPECT_EQ(r->error().arg, "");
    EXPECT_EQ(r->error().retry_after_seconds, 0);
    EXPECT_TRUE(r->error().fields.empty());
    EXPECT_EQ(r->error().internal, "");
  }
}

TEST_P(AuthServiceTest, UserOfAnotherTenantCannotSignInThroughThisOne) {
  auto globex = CreateTenant("globex");
  CreateUser(globex.id, "carol@globex.example", "owner");
  auto login = Login("acme", "carol@globex.example");
  ASSERT_FALSE(login.ok());
  EXPECT_EQ(login.error().code, "auth.invalid_credentials");
  EXPECT_TRUE(Login("globex", "carol@globex.example").ok());
}

TEST_P(AuthServiceTest, LockedAfterMaxFailuresEvenWithTheRightPassword) {
  ASSERT_EQ(security_.login_max_failures, 3);
  for (int i = 0; i < 2; ++i) {
    auto r = Login("acme", "bob@acme.example", "wrong password!");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "auth.invalid_credentials") << i;
  }
  auto third = Login("acme", "bob@acme.example", "wrong password!");
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, "auth.locked");
  EXPECT_EQ(StatusOf(third.error().code), 423);
  EXPECT_EQ(third.error().arg, "15");
  EXPECT_EQ(third.error().retry_after_seconds, 15 * 60);

  auto right = Login("acme", "bob@acme.example");
  ASSERT_FALSE(right.ok());
  EXPECT_EQ(right.error().code, "auth.locked");
  EXPECT_EQ(right.error().arg, "15");

  clock_.Advance(minutes(14) + seconds(30));
  auto still = Login("acme", "bob@acme.example");
  ASSERT_FALSE(still.ok());
  EXPECT_EQ(still.error().code, "auth.locked");
  EXPECT_EQ(still.error().arg, "1");  // minutes, rounded up
  EXPECT_EQ(still.error().retry_after_seconds, 30);

  // Other users of the organisation are not affected.
  EXPECT_TRUE(Login("acme", "owner@acme.example").ok());

  clock_.Advance(seconds(30));
  auto unlocked = Login("acme", "bob@acme.example");
  ASSERT_TRUE(unlocked.ok()) << unlocked.error().code;
}

TEST_P(AuthServiceTest, LockoutIsRecordedInTheAuditTrail) {
  for (int i = 0; i < 3; ++i) {
    (void)Login("acme", "bob@acme.example", "wrong password!");
  }
  auto actions = AuditActions(acme_.id);
  ASSERT_GE(actions.size(), 3u);
  EXPECT_EQ(std::vector<std::string>(actions.end() - 3, actions.end()),
            (std::vector<std::string>{"user.login_failed", "user.login_failed", "user.locked"}));
}

TEST_P(AuthServiceTest, SuccessfulLoginResetsTheFailureCount) {
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 2; ++i) {
      auto r = Login("acme", "bob@acme.example", "wrong password!");
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().code, "auth.invalid_credentials") << round << "/" << i;
    }
    ASSERT_TRUE(Login("acme", "bob@acme.example").ok()) << round;
  }
}

TEST_P(AuthServiceTest, AfterTheLockExpiresFailuresCountFromZero) {
  for (int i = 0; i < 3; ++i) {
    (void)Login("acme", "bob@acme.example", "wrong password!");
  }
  clock_.Advance(minutes(15));
  auto r = Login("acme", "bob@acme.example", "wrong password!");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "auth.invalid_credentials");
  EXPECT_TRUE(Login("acme", "bob@acme.example").ok());
}

TEST_P(AuthServiceTest, ThrottledAfterTooManyAttemptsFromOneAddress) {
  security_.login_attempts_per_minute = 4;
  security_.login_max_failures = 100;
  Build();
  for (int i = 0; i < 4; ++i) {
    auto r = Login("acme", "bob@acme.example", i % 2 ? kPassword : "wrong password!", "192.0.2.1");
    EXPECT_NE(r.ok() ? "" : r.error().code, "auth.throttled") << i;
  }
  clock_.Advance(seconds(20));
  // Even the right password waits: the limit is on attempts, not failures.
  auto throttled = Login("acme", "bob@acme.example", kPassword, "192.0.2.1");
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().code, "auth.throttled");
  EXPECT_EQ(StatusOf(throttled.error().code), 429);
  EXPECT_EQ(throttled.error().retry_after_seconds, 40);
  EXPECT_EQ(throttled.error().arg, "40");

  // Another address is not held back.
  EXPECT_TRUE(Login("acme", "bob@acme.example", kPassword, "192.0.2.2").ok());

  clock_.Advance(seconds(39));
  auto last_second = Login("acme", "bob@acme.example", kPassword, "192.0.2.1");
  ASSERT_FALSE(last_second.ok());
  EXPECT_EQ(last_second.error().retry_after_seconds, 1);

  clock_.Advance(seconds(1));
  EXPECT_TRUE(Login("acme", "bob@acme.example", kPassword, "192.0.2.1").ok());
}

TEST_P(AuthServiceTest, ThrottledAttemptsDoNotCountAsFailures) {
  security_.login_attempts_per_minute = 1;
  Build();
  for (int i = 0; i < 10; ++i) {
    (void)Login("acme", "bob@acme.example", "wrong password!", "192.0.2.1");
  }
  // Only the first attempt reached the account, so it is not locked.
  EXPECT_TRUE(Login("acme", "bob@acme.example", kPassword, "192.0.2.2").ok());
}

TEST_P(AuthServiceTest, SessionExpiresAfterItsLifetime) {
  auto login = Login("acme", "bob@acme.example");
  ASSERT_TRUE(login.ok());
  clock_.Advance(hours(11) + minutes(59));
  EXPECT_TRUE(auth_->AuthenticateSession(login->session_token).ok());
  clock_.Advance(minutes(1));
  auto expired = auth_->AuthenticateSession(login->session_token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().code, "auth.required");
  // Expired sessions are removed, not just refused.
  soci::session sql(db_->pool());
  EXPECT_FALSE(storage::FindSession(sql, crypto::Sha256Hex(login->session_token)));
}

TEST_P(AuthServiceTest, PurgeRemovesOnlyExpiredSessions) {
  ASSERT_TRUE(Login("acme", "bob@acme.example").ok());
  ASSERT_TRUE(Login("acme", "owner@acme.example").ok());
  clock_.Advance(hours(6));
  auto fresh = Login("acme", "bob@acme.example");
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(auth_->PurgeExpiredSessions(), 0);
  clock_.Advance(hours(6));
  EXPECT_EQ(auth_->PurgeExpiredSessions(), 2);
  EXPECT_TRUE(auth_->AuthenticateSession(fresh->session_token).ok());
}

TEST_P(AuthServiceTest, GarbageSessionTokensAreRefused) {
  for (std::string token :
       {std::string(), std::string("nope"), std::string(129, 'a'), std::string("' OR 1=1 --")}) {
    auto r = auth_->AuthenticateSession(token);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, "auth.required");
  }
}

TEST_P(AuthServiceTest, LogoutEndsOnlyThatSession) {
  auto first = Login("acme", "bob@acme.example");
  auto second = Login("acme", "bob@acme.example");
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(auth_->AuthenticateSession(first->session_token).ok());
  auth_->Logout(first->session_token, {first->principal, {"198.51.100.7", "req-logout"}});
  auto after = auth_->AuthenticateSession(first->session_token);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, "auth.required");
  EXPECT_TRUE(auth_->AuthenticateSession(second->session_token).ok());
  EXPECT_EQ(AuditActions(acme_.id).back(), "user.logout");
}

TEST_P(AuthServiceTest, DisabledUserCannotSignInAndLosesOpenSessions) {
  auto bob_login = Login("acme", "bob@acme.example");
  ASSERT_TRUE(bob_login.ok());
  ASSERT_TRUE(auth_->AuthenticateSession(bob_login->session_token).ok());
  Caller owner = SignIn("acme", "owner@acme.example");

  UserChanges disable;
  disable.disabled = true;
  auto updated = users_->Update(owner, bob_.id, disable);
  ASSERT_TRUE(updated.ok()) << updated.error().code;
  EXPECT_TRUE(updated->disabled);

  auto session = auth_->AuthenticateSession(bob_login->session_token);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().code, "auth.required");
  auto login = Login("acme", "bob@acme.example");
  ASSERT_FALSE(login.ok());
  EXPECT_EQ(login.error().code, "auth.disabled");
  // A wrong password says nothing about the account's state.
  auto wrong = Login("acme", "bob@acme.example", "wrong password!");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, "auth.invalid_credentials");

  UserChanges enable;
  enable.disabled = false;
  ASSERT_TRUE(users_->Update(owner, bob_.id, enable).ok());
  EXPECT_TRUE(Login("acme", "bob@acme.example").ok());
}

TEST_P(AuthServiceTest, RoleChangeTakesEffectOnOpenSessions) {
  auto bob_login = Login("acme", "bob@acme.example");
  ASSERT_TRUE(bob_login.ok());
  auto before = auth_->AuthenticateSession(bob_login->session_token);
  ASSERT_TRUE(before.ok());
  EXPECT_FALSE(before->Can(domain::Permission::kPayrollRead));

  Caller owner = SignIn("acme", "owner@acme.example");
  UserChanges to_finance;
  to_finance.role = "finance";
  ASSERT_TRUE(users_->Update(owner, bob_.id, to_finance).ok());

  auto after = auth_->AuthenticateSession(bob_login->session_token);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->role, domain::Role::kFinance);
  EXPECT_TRUE(after->Can(domain::Permission::kPayrollRead));
  EXPECT_FALSE(after->Can(domain::Permission::kJobsWrite));
}

TEST_P(AuthServiceTest, ChangeMadeElsewhereIsSeenWithinTenSeconds) {
  // Another node changed the role in the database; this node's cache may lag, but not for long.
  auto bob_login = Login("acme", "bob@acme.example");
  ASSERT_TRUE(bob_login.ok());
  {
    soci::session sql(db_->pool());
    auto row = storage::FindUserById(sql, acme_.id, bob_.id);
    row->role = "interviewer";
    storage::UpdateUser(sql, *row);
  }
  clock_.Advance(seconds(10));
  auto after = auth_->AuthenticateSession(bob_login->session_token);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->role, domain::Role::kInterviewer);
}

TEST_P(AuthServiceTest, SessionOfAUserDisabledElsewhereEndsWithinTenSeconds) {
  auto bob_login = Login("acme", "bob@acme.example");
  ASSERT_TRUE(bob_login.ok());
  {
    soci::session sql(db_->pool());
    auto row = storage::FindUserById(sql, acme_.id, bob_.id);
    row->disabled = true;
    storage::UpdateUser(sql, *row);
  }
  clock_.Advance(seconds(10));
  EXPECT_FALSE(auth_->AuthenticateSession(bob_login->session_token).ok());
}

TEST_P(AuthServiceTest, LoginsAreAudited) {
  auto ok = Login("acme", "bob@acme.example");
  ASSERT_TRUE(ok.ok());
  soci::session sql(db_->pool());
  auto entries = storage::ListAudit(sql, acme_.id, 0, 1);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].action, "user.login");
  EXPECT_EQ(entries[0].actor_id, bob_.id);
  EXPECT_EQ(entries[0].entity_id, bob_.id);
  EXPECT_EQ(entries[0].ip, "198.51.100.7");
  EXPECT_EQ(entries[0].request_id, "req-login");
  EXPECT_EQ(entries[0].at, "2026-11-21T10:00:00.000Z");
}

INSTANTIATE_TEST_SUITE_P(Dialects, AuthServiceTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::services
