#include "services/api_key_service.hpp"

#include <soci/soci.h>

#include "common/crypto.hpp"
#include "common/ids.hpp"
#include "common/json.hpp"
#include "services/audit_service.hpp"
#include "services/auth_service.hpp"
#include "storage/records.hpp"

namespace candor::services {
namespace {

ApiKeyView ViewOf(const storage::ApiKeyRow& row) {
  return {row.id,
          row.name,
          row.prefix,
          row.role,
          row.created_at,
          row.last_used_at,
          row.revoked_at.has_value()};
}

}  // namespace

Result<Page<ApiKeyView>> ApiKeyService::List(const Caller& caller,
                                             std::optional<std::string> cursor,
                                             std::optional<int> limit) {
  if (cursor && !IsValidId(*cursor)) {
    return Error::Validation({{"cursor", "invalid_value", "a cursor from a previous page"}});
  }
  int n = PageLimit(limit);
  soci::session sql(deps_.db.pool());
  auto rows = storage::ListApiKeys(sql, caller.principal.tenant_id, cursor.value_or(""), n + 1);
  Page<ApiKeyView> page;
  for (size_t i = 0; i < rows.size() && static_cast<int>(i) < n; ++i) {
    page.items.push_back(ViewOf(rows[i]));
  }
  if (static_cast<int>(rows.size()) > n) {
    page.next_cursor = page.items.back().id;
  }
  return page;
}

Result<CreatedApiKey> ApiKeyService::Create(const Caller& caller, const std::string& name) {
  size_t len = Utf8Length(name);
  if (len == 0 || len > 100 || !IsValidUtf8(name)) {
    return Error::Validation({{"name", len == 0 ? "required" : "too_long", "100"}});
  }
  TimePoint now = deps_.clock.Now();
  CreatedApiKey created;
  created.secret = "ck_" + crypto::RandomToken(32);
  storage::ApiKeyRow row;
  row.id = NewId(now);
  row.tenant_id = caller.principal.tenant_id;
  row.name = name;
  row.prefix = created.secret.substr(0, 10);
  row.secret_hash = crypto::Sha256Hex(created.secret);
  row.role = "integration";
  row.created_by = caller.principal.user_id;
  row.created_at = FormatTime(now);
  soci::session sql(deps_.db.pool());
  storage::WriteTransaction tx(sql, deps_.db.dialect());
  storage::InsertApiKey(sql, row);
  json::object change{{"name", name}, {"prefix", row.prefix}, {"role", row.role}};
  RecordAudit(sql, deps_.db.dialect(), deps_.clock,
              {row.tenant_id, caller.principal.user_id, "api_key.create", "api_key", row.id,
               json::serialize(change), caller.origin});
  tx.Commit();
  created.key = ViewOf(row);
  return created;
}

Status ApiKeyService::Revoke(const Caller& caller, const std::string& id) {
  if (!IsValidId(id)) {
    return Error::Of("resource.not_found");
  }
  soci::session sql(deps_.db.pool());
  storage::WriteTransaction tx(sql, deps_.db.dialect());
  if (!storage::RevokeApiKey(sql, caller.principal.tenant_id, id, FormatTime(deps_.clock.Now()))) {
    return Error::Of("resource.not_found");
  }
  RecordAudit(sql, deps_.db.dialect(), deps_.clock,
              {caller.principal.tenant_id, caller.principal.user_id, "api_key.revoke", "api_key",
               id, "{}", caller.origin});
  tx.Commit();
  auth_.InvalidateCache();
  return Ok{};
}

}  // namespace candor::services
