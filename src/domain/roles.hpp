#pragma once
// Roles and the one table of what each may do. Every endpoint names the permission it needs.
#include <optional>
#include <span>
#include <string_view>

namespace candor::domain {

enum class Role { kOwner, kRecruiter, kHiringManager, kInterviewer, kFinance, kIntegration };

enum class Permission {
  kUsersManage,
  kApiKeysManage,
  kAuditRead,
  kTenantManage,
  kJobsRead,
  kJobsWrite,
  kCandidatesRead,
  kCandidatesWrite,
  kInterviewsRead,
  kInterviewsWrite,
  kReportsRead,
  kDecisionsWrite,
  kScorecardsWrite,
  kOffersRead,
  kOffersWrite,
  kPayrollRead,
  kPayrollWrite,
};

std::span<const Role> AllRoles();
std::span<const Permission> AllPermissions();
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);
std::string_view PermissionName(Permission permission);
bool HasPermission(Role role, Permission permission);

}  // namespace candor::domain
