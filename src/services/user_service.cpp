#include "services/user_service.hpp"

#include <soci/soci.h>

#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/json.hpp"
#include "common/messages.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "storage/records.hpp"

namespace candor::services {
namespace {

constexpr size_t kMinPassword = 12;
constexpr std::string_view kRoleList =
    "owner, recruiter, hiring_manager, interviewer, finance, integration";

std::string ChangeJson(std::initializer_list<std::pair<std::string_view, json::value>> fields) {
  json::object o;
  for (const auto& [k, v] : fields) {
    o[k] = v;
  }
  return json::serialize(o);
}

}  // namespace

std::vector<FieldError> UserService::Validate(const NewUser& in) {
  std::vector<FieldError> errors;
  if (in.email.empty()) {
    errors.push_back({"email", "required", ""});
  } else if (!LooksLikeEmail(NormaliseEmail(in.email))) {
    errors.push_back({"email", "invalid_email", ""});
  }
  size_t name_len = Utf8Length(in.display_name);
  if (name_len == 0) {
    errors.push_back({"display_name", "required", ""});
  } else if (name_len > 100 || !IsValidUtf8(in.display_name)) {
    errors.push_back({"display_name", "too_long", "100"});
  }
  if (!domain::ParseRole(in.role)) {
    errors.push_back(
        {"role", in.role.empty() ? "required" : "invalid_value", std::string(kRoleList)});
  }
  if (Utf8Length(in.password) < kMinPassword) {
    errors.push_back({"password", "too_short", std::to_string(kMinPassword)});
  } else if (in.password.size() > 1024) {
    errors.push_back({"password", "too_long", "1024"});
  }
  if (!IsSupportedLocale(in.locale)) {
    errors.push_back({"locale", "invalid_value", "zh-CN, en-US"});
  }
  return errors;
}

Result<Page<UserView>> UserService::List(const Caller& caller, std::optional<std::string> cursor,
                                         std::optional<int> limit) {
  if (cursor && !IsValidId(*cursor)) {
    return Error::Validation({{"cursor", "invalid_value", "a cursor from a previous page"}});
  }
  int n = PageLimit(limit);
  soci::session sql(deps_.db.pool());
  auto rows = storage::ListUsers(sql, caller.principal.tenant_id, cursor.value_or(""), n + 1);
  Page<UserView> page;
  for (size_t i = 0; i < rows.size() && static_cast<int>(i) < n; ++i) {
    page.items.push_back(OpenUser(deps_.cipher, rows[i]));
  }
  if (static_cast<int>(rows.size()) > n) {
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Result<UserView> UserService::Get(const Caller& caller, const std::string& id) {
  soci::session sql(deps_.db.pool());
  auto row =
      IsValidId(id) ? storage::FindUserById(sql, caller.principal.tenant_id, id) : std::nullopt;
  if (!row) {
    return Error::Of("resource.not_found");
  }
  return OpenUser(deps_.cipher, *row);
}

Result<UserView> UserService::Create(const Caller& caller, const NewUser& input) {
  return Insert(caller.principal.tenant_id, caller.principal.user_id, caller.origin, input);
}

Result<UserView> UserService::CreateAsSystem(const std::string& tenant_id, const NewUser& input) {
  return Insert(tenant_id, "system", Origin{"local", "cli"}, input);
}

Result<UserView> UserService::Insert(const std::string& tenant_id, const std::string& actor,
                                     const Origin& origin, const NewUser& input) {
  if (auto errors = Validate(input); !errors.empty()) {
    return Error::Validation(std::move(errors));
  }
  TimePoint now = deps_.clock.Now();
  std::string email = NormaliseEmail(input.email);
  storage::UserRow row;
  row.id = NewId(now);
  row.tenant_id = tenant_id;
  row.email_index = deps_.cipher.BlindIndex(email, SealContext(tenant_id, "users.email"));
  row.email_sealed = deps_.cipher.Seal(email, SealContext(tenant_id, "users.email"));
  row.name_sealed = deps_.cipher.Seal(input.display_name, SealContext(tenant_id, "users.name"));
  row.role = input.role;
  row.locale = input.locale;
  row.password_hash = crypto::HashPassword(
      input.password, {2, static_cast<size_t>(deps_.security.argon2_memory_kib) * 1024});
  row.created_at = row.updated_at = FormatTime(now);

  soci::session sql(deps_.db.pool());
  try {
    storage::WriteTransaction tx(sql, deps_.db.dialect());
    storage::InsertUser(sql, row);
    RecordAudit(sql, deps_.db.dialect(), deps_.clock,
                {tenant_id, actor, "user.create", "user", row.id,
                 ChangeJson({{"email", json::value(email)},
                             {"display_name", json::value(input.display_name)},
                             {"role", json::value(input.role)},
                             {"locale", json::value(input.locale)}}),
                 origin});
    tx.Commit();
  } catch (const std::exception& e) {
    if (storage::IsUniqueViolation(e)) {
      return Error::Of("user.email_taken");
    }
    throw;
  }
  return OpenUser(deps_.cipher, row);
}

Result<UserView> UserService::Update(const Caller& caller, const std::string& id,
                                     const UserChanges& changes) {
  std::vector<FieldError> errors;
  if (changes.display_name &&
      (Utf8Length(*changes.display_name) == 0 || Utf8Length(*changes.display_name) > 100)) {
    errors.push_back(
        {"display_name", changes.display_name->empty() ? "required" : "too_long", "100"});
  }
  if (changes.role && !domain::ParseRole(*changes.role)) {
    errors.push_back({"role", "invalid_value", std::string(kRoleList)});
  }
  if (changes.locale && !IsSupportedLocale(*changes.locale)) {
    errors.push_back({"locale", "invalid_value", "zh-CN, en-US"});
  }
  if (!errors.empty()) {
    return Error::Validation(std::move(errors));
  }
  const std::string& tenant_id = caller.principal.tenant_id;
  soci::session sql(deps_.db.pool());
  storage::WriteTransaction tx(sql, deps_.db.dialect());
  auto row = IsValidId(id) ? storage::FindUserById(sql, tenant_id, id) : std::nullopt;
  if (!row) {
    return Error::Of("resource.not_found");
  }
  bool was_active_owner = row->role == "owner" && !row->disabled;
  json::object change;
  if (changes.display_name) {
    row->name_sealed =
        deps_.cipher.Seal(*changes.display_name, SealContext(tenant_id, "users.name"));
    change["display_name"] = *changes.display_name;
  }
  if (changes.role) {
    row->role = *changes.role;
    change["role"] = *changes.role;
  }
  if (changes.locale) {
    row->locale = *changes.locale;
    change["locale"] = *changes.locale;
  }
  if (changes.disabled) {
    row->disabled = *changes.disabled;
    change["disabled"] = *changes.disabled;
  }
  bool still_active_owner = row->role == "owner" && !row->disabled;
  if (was_active_owner && !still_active_owner && storage::CountActiveOwners(sql, tenant_id) <= 1) {
    return Error::Of("user.last_owner");
  }
  row->updated_at = FormatTime(deps_.clock.Now());
  storage::UpdateUser(sql, *row);
  if (row->disabled) {
    storage::DeleteSessionsOfUser(sql, tenant_id, row->id);
  }
  RecordAudit(sql, deps_.db.dialect(), deps_.clock,
              {tenant_id, caller.principal.user_id, "user.update", "user", row->id,
               json::serialize(change), caller.origin});
  tx.Commit();
  auth_.InvalidateCache();
  return OpenUser(deps_.cipher, *row);
}

}  // namespace candor::services
