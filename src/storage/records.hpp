#pragma once
// Rows as stored. Encrypted columns end in _sealed (see common/crypto.hpp DataCipher); the
// services open them. Every function that touches tenant data takes the tenant id.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_chain.hpp"
#include "storage/database.hpp"

namespace candor::storage {

struct TenantRow {
  std::string id;
  std::string slug;
  std::string name;
  std::string created_at;
};

struct UserRow {
  std::string id;
  std::string tenant_id;
  std::string email_index;
  std::string email_sealed;
  std::string name_sealed;
  std::string role;
  std::string locale;
  std::string password_hash;
  bool disabled = false;
  int failed_logins = 0;
  std::optional<std::string> locked_until;
  std::string created_at;
  std::string updated_at;
};

struct SessionRow {
  std::string token_hash;
  std::string tenant_id;
  std::string user_id;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  std::string ip;
};

struct ApiKeyRow {
  std::string id;
  std::string tenant_id;
  std::string name;
  std::string prefix;
  std::string secret_hash;
  std::string role;
  std::string created_by;
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
};

// Tenants
void InsertTenant(soci::session& sql, const TenantRow& row);
std::optional<TenantRow> FindTenantBySlug(soci::session& sql, const std::string& slug);
std::optional<TenantRow> FindTenantById(soci::session& sql, const std::string& id);

// Users
void InsertUser(soci::session& sql, const UserRow& row);
std::optional<UserRow> FindUserByEmailIndex(soci::session& sql, const std::string& tenant_id,
                                            const std::string& email_index);
std::optional<UserRow> FindUserById(soci::session& sql, const std::string& tenant_id,
                                    const std::string& id);
/// Users of a tenant in id (creation) order, after `after_id` ("" from the start).
std::vector<UserRow> ListUsers(soci::session& sql, const std::string& tenant_id,
                               const std::string& after_id, int limit);
/// Writes role, locale, names, disabled flag, password hash and login counters.
void UpdateUser(soci::session& sql, const UserRow& row);
int CountActiveOwners(soci::session& sql, const std::string& tenant_id);

// Sessions
void InsertSession(soci::session& sql, const SessionRow& row);
std::optional<SessionRow> FindSession(soci::session& sql, const std::string& token_hash);
void DeleteSession(soci::session& sql, const std::string& token_hash);
void DeleteSessionsOfUser(soci::session& sql, const std::string& tenant_id,
                          const std::string& user_id);
int DeleteExpiredSessions(soci::session& sql, const std::string& now);

// API keys
void InsertApiKey(soci::session& sql, const ApiKeyRow& row);
std::optional<ApiKeyRow> FindApiKeyBySecretHash(soci::session& sql, const std::string& hash);
std::vector<ApiKeyRow> ListApiKeys(soci::session& sql, const std::string& tenant_id,
                                   const std::string& after_id, int limit);
/// Marks the key revoked; false when the tenant has no such key (or it was revoked already).
bool RevokeApiKey(soci::session& sql, const std::string& tenant_id, const std::string& id,
                  const std::string& now);
void TouchApiKey(soci::session& sql, const std::string& id, const std::string& now);

// Audit trail, one hash chain per tenant. AppendAudit must run inside the WriteTransaction of the
// change it records; it fills seq, prev_hash and hash.
void AppendAudit(soci::session& sql, Dialect dialect, domain::AuditEntry& entry);
/// A tenant's entries, newest first, with seq < before_seq (0: from the newest).
std::vector<domain::AuditEntry> ListAudit(soci::session& sql, const std::string& tenant_id,
                                          int64_t before_seq, int limit);
/// A tenant's entries with seq > after_seq in seq order (for verification).
std::vector<domain::AuditEntry> ReadAuditAfter(soci::session& sql, const std::string& tenant_id,
                                               int64_t after_seq, int limit);
struct AuditHead {
  int64_t seq = 0;
  std::string hash;
};
/// The newest link of a tenant's chain ({0, ""} before the first entry).
AuditHead ReadAuditHead(soci::session& sql, const std::string& tenant_id);
/// Ids of all tenants, for verifying every chain.
std::vector<std::string> ListTenantIds(soci::session& sql);

}  // namespace candor::storage
