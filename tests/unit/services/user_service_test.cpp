#include "services/user_service.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "common/ids.hpp"
#include "common/messages.hpp"
#include "service_fixture.hpp"
#include "storage/records.hpp"

namespace candor::services {
namespace {

using std::chrono::seconds;

class UserServiceTest : public AcmeServiceTest {
 protected:
  NewUser Valid() { return {"new.hire@acme.example", "张伟", "interviewer", kPassword, "zh-CN"}; }

  // The field errors of a failed create, as "field:code:arg".
  std::vector<std::string> FieldErrors(const NewUser& input) {
    auto result = users_->Create(owner_caller_, input);
    EXPECT_FALSE(result.ok());
    std::vector<std::string> out;
    if (!result.ok()) {
      EXPECT_EQ(result.error().code, "validation.failed");
      for (const auto& f : result.error().fields) {
        out.push_back(f.field + ":" + f.code + ":" + f.arg);
      }
    }
    return out;
  }
};

TEST_P(UserServiceTest, CreateStoresAUserWhoCanSignIn) {
  auto created = users_->Create(owner_caller_, Valid());
  ASSERT_TRUE(created.ok()) << created.error().code;
  EXPECT_EQ(created->email, "new.hire@acme.example");
  EXPECT_EQ(created->display_name, "张伟");
  EXPECT_EQ(created->role, "interviewer");
  EXPECT_EQ(created->locale, "zh-CN");
  EXPECT_FALSE(created->disabled);
  EXPECT_TRUE(IsValidId(created->id));

  auto fetched = users_->Get(owner_caller_, created->id);
  ASSERT_TRUE(fetched.ok());
  EXPECT_EQ(fetched->email, "new.hire@acme.example");
  EXPECT_EQ(fetched->display_name, "张伟");

  auto login = Login("acme", "new.hire@acme.example");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->principal.role, domain::Role::kInterviewer);
  EXPECT_EQ(login->principal.locale, "zh-CN");
}

TEST_P(UserServiceTest, EmailIsStoredNormalised) {
  NewUser input = Valid();
  input.email = "  New.Hire@ACME.example ";
  auto created = users_->Create(owner_caller_, input);
  ASSERT_TRUE(created.ok()) << created.error().code;
  EXPECT_EQ(created->email, "new.hire@acme.example");
}

TEST_P(UserServiceTest, EveryInvalidFieldIsReportedAtOnce) {
  NewUser input{"not-an-email", "", "admin", "short", "fr-FR"};
  EXPECT_THAT(FieldErrors(input),
              ::testing::ElementsAre("email:invalid_email:", "display_name:required:",
                                     "role:invalid_value:owner, recruiter, hiring_manager, "
                                     "interviewer, finance, integration",
                                     "password:too_short:12", "locale:invalid_value:zh-CN, en-US"));
}

TEST(UserValidateTest, EachFieldOnItsOwn) {
  auto check = [](std::function<void(NewUser&)> change, const std::string& expected) {
    NewUser input{"a@b.co", "Name", "recruiter", "twelve chars", "en-US"};
    ASSERT_TRUE(UserService::Validate(input).empty());
    change(input);
    auto errors = UserService::Validate(input);
    ASSERT_EQ(errors.size(), 1u) << expected;
    EXPECT_EQ(errors[0].field + ":" + errors[0].code + ":" + errors[0].arg, expected);
  };
  check([](NewUser& u) { u.email = ""; }, "email:required:");
  check([](NewUser& u) { u.email = "a@b"; }, "email:invalid_email:");
  check([](NewUser& u) { u.email = "a b@c.co"; }, "email:invalid_email:");
  check([](NewUser& u) { u.display_name = ""; }, "display_name:required:");
  check([](NewUser& u) { u.display_name = std::string(101, 'x'); }, "display_name:too_long:100");
  check([](NewUser& u) { u.display_name = "\xC3"; }, "display_name:too_long:100");
  check([](NewUser& u) { u.role = ""; },
        "role:required:owner, recruiter, hiring_manager, interviewer, finance, integration");
  check([](NewUser& u) { u.role = "Owner"; },
        "role:invalid_value:owner, recruiter, hiring_manager, interviewer, finance, integration");
  check([](NewUser& u) { u.password = "eleven char"; }, "password:too_short:12");
  check([](NewUser& u) { u.password = ""; }, "password:too_short:12");
  check([](NewUser& u) { u.password = std::string(1025, 'p'); }, "password:too_long:1024");
  check([](NewUser& u) { u.locale = "zh-TW"; }, "locale:invalid_value:zh-CN, en-US");
  check([](NewUser& u) { u.locale = ""; }, "locale:invalid_value:zh-CN, en-US");
}

TEST(UserValidateTest, LimitsCountCharactersNotBytes) {
  // Twelve Chinese characters are 36 bytes but a twelve-character password; a hundred-character
  // Chinese name is 300 bytes but within the limit.
  NewUser input{"a@b.co", "", "recruiter", "", "zh-CN"};
  for (int i = 0; i < 12; ++i) {
    input.password += "密";
  }
  for (int i = 0; i < 100; ++i) {
    input.display_name += "名";
  }
  EXPECT_TRUE(UserService::Validate(input).empty());
  input.password = "密密密密密密密密密密密";  // eleven
  input.display_name += "名";
  auto errors = UserService::Validate(input);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].code, "too_long");
  EXPECT_EQ(errors[1].code, "too_short");
}

TEST_P(UserServiceTest, InvalidCreateStoresNothing) {
  auto before = AuditActions(acme_.id).size();
  NewUser input = Valid();
  input.password = "short";
  ASSERT_FALSE(users_->Create(owner_caller_, input).ok());
  EXPECT_EQ(AuditActions(acme_.id).size(), before);
  auto list = users_->List(owner_caller_, std::nullopt, std::nullopt);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->items.size(), 1u);
}

TEST_P(UserServiceTest, EmailTakenIgnoresCase) {
  ASSERT_TRUE(users_->Create(owner_caller_, Valid()).ok());
  auto before = AuditActions(acme_.id).size();
  NewUser again = Valid();
  again.email = "NEW.HIRE@acme.example";
  again.display_name = "Someone else";
  auto result = users_->Create(owner_caller_, again);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "user.email_taken");
  EXPECT_EQ(StatusOf("user.email_taken"), 409);
  // The failed create left no audit entry behind and the first user is unchanged.
  EXPECT_EQ(AuditActions(acme_.id).size(), before);
  auto login = Login("acme", "new.hire@acme.example");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->principal.display_name, "张伟");
}

TEST_P(UserServiceTest, SameEmailInAnotherOrganisationIsFine) {
  auto globex = CreateTenant("globex");
  auto created = users_->CreateAsSystem(globex.id, Valid());
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(users_->Create(owner_caller_, Valid()).ok());
}

TEST_P(UserServiceTest, PersonalDataIsEncryptedAtRest) {
  NewUser input = Valid();
  input.email = "zhang.wei@example.cn";
  input.display_name = "张伟 Zhang Wei";
  auto created = users_->Create(owner_caller_, input);
  ASSERT_TRUE(created.ok());

  auto cells = TextCells("users");
  // The check reads real rows: the plain columns are there.
  EXPECT_THAT(cells, ::testing::Contains(created->id));
  EXPECT_THAT(cells, ::testing::Contains("interviewer"));
  for (const auto& cell : cells) {
    EXPECT_EQ(cell.find("zhang.wei"), std::string::npos) << cell;
    EXPECT_EQ(cell.find("example.cn"), std::string::npos) << cell;
    EXPECT_EQ(cell.find("张伟"), std::string::npos) << cell;
    EXPECT_EQ(cell.find("Zhang Wei"), std::string::npos) << cell;
    EXPECT_EQ(cell.find(kPassword), std::string::npos) << cell;
  }
  // The audit trail keeps only a digest of what changed.
  for (const auto& cell : TextCells("audit_log")) {
    EXPECT_EQ(cell.find("zhang.wei"), std::string::npos) << cell;
    EXPECT_EQ(cell.find("张伟"), std::string::npos) << cell;
  }
}

TEST_P(UserServiceTest, SealedValuesAreBoundToTheirRow) {
  // Copying another user's sealed e-mail into a row does not reveal it there.
  auto globex = CreateTenant("globex");
  auto theirs = users_->CreateAsSystem(globex.id, Valid());
  ASSERT_TRUE(theirs.ok());
  soci::session sql(db_->pool());
  auto their_row = storage::FindUserById(sql, globex.id, theirs->id);
  auto my_row = storage::FindUserById(sql, acme_.id, owner_.id);
  my_row->name_sealed = their_row->name_sealed;
  storage::UpdateUser(sql, *my_row);
  auto opened = users_->Get(owner_caller_, owner_.id);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(opened->display_name, "");
}

TEST_P(UserServiceTest, ListPagesInCreationOrderWithinTheTenant) {
  auto globex = CreateTenant("globex");
  std::vector<std::string> ids{owner_.id};
  for (int i = 0; i < 4; ++i) {
    clock_.Advance(seconds(1));
    ids.push_back(CreateUser(acme_.id, "u" + std::to_string(i) + "@acme.example", "recruiter").id);
    CreateUser(globex.id, "u" + std::to_string(i) + "@globex.example", "recruiter");
  }
  std::vector<std::string> seen;
  std::optional<std::string> cursor;
  int pages = 0;
  do {
    auto page = users_->List(owner_caller_, cursor, 2);
    ASSERT_TRUE(page.ok());
    for (const auto& u : page->items) {
      seen.push_back(u.id);
      EXPECT_FALSE(u.email.empty());
    }
    cursor = page->next_cursor;
    ++pages;
  } while (cursor && pages < 10);
  EXPECT_EQ(seen, ids);
  EXPECT_EQ(pages, 3);
}

TEST_P(UserServiceTest, ListRejectsABadCursor) {
  auto page = users_->List(owner_caller_, std::string("' OR 1=1"), std::nullopt);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().code, "validation.failed");
  ASSERT_EQ(page.error().fields.size(), 1u);
  EXPECT_EQ(page.error().fields[0].field, "cursor");
}

TEST_P(UserServiceTest, OtherOrganisationsUsersAreNotFound) {
  auto globex = CreateTenant("globex");
  auto carol = CreateUser(globex.id, "carol@globex.example", "recruiter");
  auto get = users_->Get(owner_caller_, carol.id);
  ASSERT_FALSE(get.ok());
  EXPECT_EQ(get.error().code, "resource.not_found");
  UserChanges promote;
  promote.role = "owner";
  auto update = users_->Update(owner_caller_, carol.id, promote);
  ASSERT_FALSE(update.ok());
  EXPECT_EQ(update.error().code, "resource.not_found");
  soci::session sql(db_->pool());
  EXPECT_EQ(storage::FindUserById(sql, globex.id, carol.id)->role, "recruiter");
}

TEST_P(UserServiceTest, UnknownOrMalformedIdIsNotFound) {
  for (std::string id : {NewId(), std::string("not-an-id"), std::string()}) {
    auto get = users_->Get(owner_caller_, id);
    ASSERT_FALSE(get.ok());
    EXPECT_EQ(get.error().code, "resource.not_found");
    auto update = users_->Update(owner_caller_, id, UserChanges{});
    ASSERT_FALSE(update.ok());
    EXPECT_EQ(update.error().code, "resource.not_found");
  }
}

TEST_P(UserServiceTest, UpdateChangesNameRoleAndLocale) {
  auto bob = CreateUser(acme_.id, "bob@acme.example", "recruiter");
  UserChanges changes;
  changes.display_name = "李娜";
  changes.role = "hiring_manager";
  changes.locale = "zh-CN";
  auto updated = users_->Update(owner_caller_, bob.id, changes);
  ASSERT_TRUE(updated.ok()) << updated.error().code;
  EXPECT_EQ(updated->display_name, "李娜");
  EXPECT_EQ(updated->role, "hiring_manager");
  EXPECT_EQ(updated->locale, "zh-CN");
  EXPECT_EQ(updated->email, "bob@acme.example");
  auto fetched = users_->Get(owner_caller_, bob.id);
  ASSERT_TRUE(fetched.ok());
  EXPECT_EQ(fetched->display_name, "李娜");
  EXPECT_EQ(fetched->role, "hiring_manager");
  EXPECT_EQ(AuditActions(acme_.id).back(), "user.update");
}

TEST_P(UserServiceTest, UpdateValidatesEachField) {
  auto bob = CreateUser(acme_.id, "bob@acme.example", "recruiter");
  UserChanges changes;
  changes.display_name = "";
  changes.role = "boss";
  changes.locale = "de-DE";
  auto updated = users_->Update(owner_caller_, bob.id, changes);
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().code, "validation.failed");
  std::vector<std::string> fields;
  for (const auto& f : updated.error().fields) {
    fields.push_back(f.field + ":" + f.code);
  }
  EXPECT_THAT(fields, ::testing::ElementsAre("display_name:required", "role:invalid_value",
                                             "locale:invalid_value"));
  changes = {};
  changes.display_name = std::string(101, 'x');
  updated = users_->Update(owner_caller_, bob.id, changes);
  ASSERT_FALSE(updated.ok());
  ASSERT_EQ(updated.error().fields.size(), 1u);
  EXPECT_EQ(updated.error().fields[0].code, "too_long");
  EXPECT_EQ(users_->Get(owner_caller_, bob.id)->role, "recruiter");
}

TEST_P(UserServiceTest, TheLastOwnerCannotBeDemotedOrDisabled) {
  UserChanges demote;
  demote.role = "recruiter";
  auto r1 = users_->Update(owner_caller_, owner_.id, demote);
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().code, "user.last_owner");
  UserChanges disable;
  disable.disabled = true;
  auto r2 = users_->Update(owner_caller_, owner_.id, disable);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().code, "user.last_owner");

  auto still = users_->Get(owner_caller_, owner_.id);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->role, "owner");
  EXPECT_FALSE(still->disabled);
  EXPECT_TRUE(Login("acme", "owner@acme.example").ok());
  // Changing something else of the last owner is fine.
  UserChanges rename;
  rename.display_name = "王芳";
  EXPECT_TRUE(users_->Update(owner_caller_, owner_.id, rename).ok());
}

TEST_P(UserServiceTest, AnOwnerCanStepDownWhenAnotherRemains) {
  auto second = CreateUser(acme_.id, "second@acme.example", "owner");
  UserChanges demote;
  demote.role = "recruiter";
  ASSERT_TRUE(users_->Update(owner_caller_, owner_.id, demote).ok());
  // Now the second owner is the last one.
  Caller second_caller = SignIn("acme", "second@acme.example");
  auto r = users_->Update(second_caller, second.id, demote);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "user.last_owner");
}

TEST_P(UserServiceTest, DisabledOwnersDoNotCountAsRemaining) {
  auto second = CreateUser(acme_.id, "second@acme.example", "owner");
  UserChanges disable;
  disable.disabled = true;
  ASSERT_TRUE(users_->Update(owner_caller_, second.id, disable).ok());
  UserChanges demote;
  demote.role = "finance";
  auto r = users_->Update(owner_caller_, owner_.id, demote);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, "user.last_owner");
}

TEST_P(UserServiceTest, CreateAndUpdateAreAudited) {
  auto created = users_->Create(owner_caller_, Valid());
  ASSERT_TRUE(created.ok());
  UserChanges changes;
  changes.role = "recruiter";
  ASSERT_TRUE(users_->Update(owner_caller_, created->id, changes).ok());
  soci::session sql(db_->pool());
  auto entries = storage::ListAudit(sql, acme_.id, 0, 2);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "user.update");
  EXPECT_EQ(entries[1].action, "user.create");
  for (const auto& e : entries) {
    EXPECT_EQ(e.actor_id, owner_.id);
    EXPECT_EQ(e.entity, "user");
    EXPECT_EQ(e.entity_id, created->id);
    EXPECT_EQ(e.request_id, "req-test");
  }
  EXPECT_NE(entries[0].digest, entries[1].digest);
}

INSTANTIATE_TEST_SUITE_P(Dialects, UserServiceTest, ::testing::ValuesIn(testing::TestDialects()),
                         ParamName);

}  // namespace
}  // namespace candor::services
