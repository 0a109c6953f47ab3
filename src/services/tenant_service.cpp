#include "services/tenant_service.hpp"

#include <soci/soci.h>

#include "common/ids.hpp"
#include "common/json.hpp"
#include "services/audit_service.hpp"
#include "services/user_service.hpp"

namespace candor::services {
namespace {

bool IsValidSlug(std::string_view slug) {
  if (slug.size() < 2 || slug.size() > 40 || slug.front() == '-' || slug.back() == '-') {
    return false;
  }
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<storage::TenantRow> TenantService::Create(const std::string& slug, const std::string& name) {
  std::vector<FieldError> errors;
  if (!IsValidSlug(slug)) {
    errors.push_back({"slug", "invalid_slug", ""});
  }
  if (Utf8Length(name) == 0 || Utf8Length(name) > 200 || !IsValidUtf8(name)) {
    errors.push_back({"name", name.empty() ? "required" : "too_long", "200"});
  }
  if (!errors.empty()) {
    return Error::Validation(std::move(errors));
  }
  TimePoint now = deps_.clock.Now();
  storage::TenantRow row{NewId(now), slug, name, FormatTime(now)};
  soci::session sql(deps_.db.pool());
  try {
    storage::WriteTransaction tx(sql, deps_.db.dialect());
    storage::InsertTenant(sql, row);
    json::object change{{"slug", slug}, {"name", name}};
    RecordAudit(sql, deps_.db.dialect(), deps_.clock,
                {row.id, "system", "tenant.create", "tenant", row.id, json::serialize(change),
                 Origin{"local", "cli"}});
    tx.Commit();
  } catch (const std::exception& e) {
    if (storage::IsUniqueViolation(e)) {
      return Error::Of("tenant.slug_taken");
    }
    throw;
  }
  return row;
}

std::optional<storage::TenantRow> TenantService::FindBySlug(const std::string& slug) {
  soci::session sql(deps_.db.pool());
  return storage::FindTenantBySlug(sql, slug);
}

Result<storage::TenantRow> TenantService::Get(const Caller& caller) {
  soci::session sql(deps_.db.pool());
  auto row = storage::FindTenantById(sql, caller.principal.tenant_id);
  if (!row) {
    return Error::Of("resource.not_found");
  }
  return *row;
}

std::vector<std::string> TenantService::AllTenantIds() {
  soci::session sql(deps_.db.pool());
  return storage::ListTenantIds(sql);
}

Result<std::vector<DemoLogin>> SeedDemo(TenantService& tenants, UserService& users) {
  struct Person {
    const char* email;
    const char* name;
    const char* role;
    const char* locale;
  };
  static constexpr Person kPeople[] = {
      {"owner@demo.example", "王芳 (Owner)", "owner", "zh-CN"},
      {"recruiter@demo.example", "李娜 (Recruiter)", "recruiter", "zh-CN"},
      {"manager@demo.example", "Alex Chen (Hiring manager)", "hiring_manager", "en-US"},
      {"interviewer@demo.example", "张伟 (Interviewer)", "interviewer", "zh-CN"},
      {"finance@demo.example", "刘洋 (Finance)", "finance", "zh-CN"},
      {"integration@demo.example", "HRIS Sync (Integration)", "integration", "en-US"},
  };
  auto tenant = tenants.FindBySlug(kDemoTenant);
  if (!tenant) {
    auto created = tenants.Create(kDemoTenant, "演示公司 Demo Co.");
    if (!created.ok()) {
      return created.error();
    }
    tenant = created.value();
  }
  std::vector<DemoLogin> logins;
  for (const auto& p : kPeople) {
    auto user =
        users.CreateAsSystem(tenant->id, {p.email, p.name, p.role, kDemoPassword, p.locale});
    if (!user.ok() && user.error().code != "user.email_taken") {
      return user.error();
    }
    logins.push_back({p.email, p.role});
  }
  return logins;
}

}  // namespace candor::services
