#include "domain/roles.hpp"

#include <array>
#include <cstdint>

namespace candor::domain {
namespace {

constexpr std::array kRoles = {Role::kOwner,       Role::kRecruiter, Role::kHiringManager,
                               Role::kInterviewer, Role::kFinance,   Role::kIntegration};
constexpr std::array<std::string_view, 6> kRoleNames = {
    "owner", "recruiter", "hiring_manager", "interviewer", "finance", "integration"};

constexpr std::array kPermissions = {
    Permission::kUsersManage,     Permission::kApiKeysManage,   Permission::kAuditRead,
    Permission::kTenantManage,    Permission::kJobsRead,        Permission::kJobsWrite,
    Permission::kCandidatesRead,  Permission::kCandidatesWrite, Permission::kInterviewsRead,
    Permission::kInterviewsWrite, Permission::kReportsRead,     Permission::kDecisionsWrite,
    Permission::kScorecardsWrite, Permission::kOffersRead,      Permission::kOffersWrite,
    Permission::kPayrollRead,     Permission::kPayrollWrite};
constexpr std::array<std::string_view, 17> kPermissionNames = {
    "users.manage", "api_keys.manage", "audit.read",       "tenant.manage",   "jobs.read",
    "jobs.write",   "candidates.read", "candidates.write", "interviews.read", "interviews.write",
    "reports.read", "decisions.write", "scorecards.write", "offers.read",     "offers.write",
    "payroll.read", "payroll.write"};

constexpr uint32_t Bit(Permission p) {
  return 1u << static_cast<uint32_t>(p);
}
template <class... P>
constexpr uint32_t Bits(P... p) {
  return (Bit(p) | ... | 0u);
}

using P = Permission;
// The whole access policy. Hiring managers read AI scores but cannot edit them; interviewers see
// interviews (later: only those assigned); finance sees offers and payroll; integrations reach
// jobs and candidates through API keys.
constexpr std::array<uint32_t, 6> kGrants = {
    /* owner */ (1u << kPermissions.size()) - 1,
    /* recruiter */
    Bits(P::kJobsRead, P::kJobsWrite, P::kCandidatesRead, P::kCandidatesWrite, P::kInterviewsRead,
         P::kInterviewsWrite, P::kReportsRead, P::kOffersRead, P::kOffersWrite),
    /* hiring_manager */
    Bits(P::kJobsRead, P::kCandidatesRead, P::kInterviewsRead, P::kReportsRead, P::kDecisionsWrite),
    /* interviewer */ Bits(P::kInterviewsRead, P::kReportsRead, P::kScorecardsWrite),
    /* finance */ Bits(P::kOffersRead, P::kPayrollRead, P::kPayrollWrite),
    /* integration */ Bits(P::kJobsRead, P::kCandidatesRead, P::kCandidatesWrite),
};

}  // namespace

std::span<const Role> AllRoles() {
  return kRoles;
}
std::span<const Permission> AllPermissions() {
  return kPermissions;
}
std::string_view RoleName(Role role) {
  return kRoleNames[static_cast<size_t>(role)];
}

std::optional<Role> ParseRole(std::string_view name) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == name) {
      return kRoles[i];
    }
  }
  return std::nullopt;
}

std::string_view PermissionName(Permission permission) {
  return kPermissionNames[static_cast<size_t>(permission)];
}

bool HasPermission(Role role, Permission permission) {
  return (kGrants[static_cast<size_t>(role)] & Bit(permission)) != 0;
}

}  // namespace candor::domain
