#include "domain/roles.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

namespace candor::domain {
namespace {

// The access policy as a product owner would write it down: for each role, exactly what it may
// do. Anything not listed is denied. Kept independent of roles.cpp so that a slip there shows up.
const std::map<std::string, std::set<std::string>>& ExpectedGrants() {
  static const std::map<std::string, std::set<std::string>> kGrants = {
      {"owner",
       {"users.manage", "api_keys.manage", "audit.read", "tenant.manage", "jobs.read", "jobs.write",
        "candidates.read", "candidates.write", "interviews.read", "interviews.write",
        "reports.read", "decisions.write", "scorecards.write", "offers.read", "offers.write",
        "payroll.read", "payroll.write"}},
      {"recruiter",
       {"jobs.read", "jobs.write", "candidates.read", "candidates.write", "interviews.read",
        "interviews.write", "reports.read", "offers.read", "offers.write"}},
      {"hiring_manager",
       {"jobs.read", "candidates.read", "interviews.read", "reports.read", "decisions.write"}},
      {"interviewer", {"interviews.read", "reports.read", "scorecards.write"}},
      {"finance", {"offers.read", "payroll.read", "payroll.write"}},
      {"integration", {"jobs.read", "candidates.read", "candidates.write"}},
  };
  return kGrants;
}

struct GrantCase {
  Role role;
  Permission permission;
};

std::string CaseName(const ::testing::TestParamInfo<GrantCase>& info) {
  std::string name = std::string(RoleName(info.param.role)) + "_" +
                     std::string(PermissionName(info.param.permission));
  for (char& c : name) {
    if (c == '.') {
      c = '_';
    }
  }
  return name;
}

std::vector<GrantCase> AllCases() {
  std::vector<GrantCase> cases;
  for (Role role : AllRoles()) {
    for (Permission permission : AllPermissions()) {
      cases.push_back({role, permission});
    }
  }
  return cases;
}

class PermissionTableTest : public ::testing::TestWithParam<GrantCase> {};

TEST_P(PermissionTableTest, GrantsExactlyThePolicy) {
  auto [role, permission] = GetParam();
  const auto& allowed = ExpectedGrants().at(std::string(RoleName(role)));
  bool expected = allowed.contains(std::string(PermissionName(permission)));
  EXPECT_EQ(HasPermission(role, permission), expected);
}

INSTANTIATE_TEST_SUITE_P(EveryRoleAndPermission, PermissionTableTest,
                         ::testing::ValuesIn(AllCases()), CaseName);

TEST(RolesTest, TheTableCoversEveryRoleAndPermission) {
  EXPECT_EQ(AllRoles().size(), ExpectedGrants().size());
  EXPECT_EQ(AllPermissions().size(), 17u);
  std::set<std::string> names;
  for (Permission p : AllPermissions()) {
    names.insert(std::string(PermissionName(p)));
  }
  EXPECT_EQ(names.size(), AllPermissions().size()) << "two permissions share a name";
  EXPECT_EQ(names, ExpectedGrants().at("owner"));
}

TEST(RolesTest, SensitiveRulesSpelledOut) {
  EXPECT_FALSE(HasPermission(Role::kHiringManager, Permission::kJobsWrite));
  EXPECT_FALSE(HasPermission(Role::kHiringManager, Permission::kUsersManage));
  EXPECT_FALSE(HasPermission(Role::kIntegration, Permission::kAuditRead));
  EXPECT_FALSE(HasPermission(Role::kIntegration, Permission::kUsersManage));
  EXPECT_FALSE(HasPermission(Role::kIntegration, Permission::kApiKeysManage));
  EXPECT_FALSE(HasPermission(Role::kRecruiter, Permission::kPayrollRead));
  EXPECT_FALSE(HasPermission(Role::kInterviewer, Permission::kCandidatesWrite));
  EXPECT_FALSE(HasPermission(Role::kFinance, Permission::kCandidatesRead));
  EXPECT_TRUE(HasPermission(Role::kFinance, Permission::kPayrollWrite));
  // Only the owner manages accounts, keys, the tenant and reads the audit trail.
  for (Role role : AllRoles()) {
    bool owner = role == Role::kOwner;
    EXPECT_EQ(HasPermission(role, Permission::kUsersManage), owner) << RoleName(role);
    EXPECT_EQ(HasPermission(role, Permission::kApiKeysManage), owner) << RoleName(role);
    EXPECT_EQ(HasPermission(role, Permission::kTenantManage), owner) << RoleName(role);
    EXPECT_EQ(HasPermission(role, Permission::kAuditRead), owner) << RoleName(role);
  }
}

TEST(RolesTest, NamesRoundTrip) {
  std::set<std::string> names;
  for (Role role : AllRoles()) {
    auto name = RoleName(role);
    names.insert(std::string(name));
    auto parsed = ParseRole(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(*parsed, role);
  }
  EXPECT_EQ(names, (std::set<std::string>{"owner", "recruiter", "hiring_manager", "interviewer",
                                          "finance", "integration"}));
}

TEST(RolesTest, ParseRoleRejectsOtherText) {
  for (const std::string& text :
       std::vector<std::string>{"", "Owner", "OWNER", " owner", "owner ", "admin", "hiring-manager",
                                "hiring manager", std::string("owner\0", 6)}) {
    EXPECT_FALSE(ParseRole(text).has_value()) << "'" << text << "'";
  }
}

}  // namespace
}  // namespace candor::domain
