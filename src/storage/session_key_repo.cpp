#include <soci/soci.h>

#include "storage/records.hpp"

namespace candor::storage {
namespace {

std::optional<std::string> Nullable(const std::string& value, soci::indicator ind) {
  return ind == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
}

constexpr const char* kKeyColumns =
    "id, tenant_id, name, prefix, secret_hash, role, created_by, created_at, last_used_at, "
    "revoked_at";

struct KeyBinding {
  ApiKeyRow row;
  std::string last_used, revoked;
  soci::indicator last_used_ind = soci::i_null, revoked_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.tenant_id));
    st.exchange(soci::into(row.name));
    st.exchange(soci::into(row.prefix));
    st.exchange(soci::into(row.secret_hash));
    st.exchange(soci::into(row.role));
    st.exchange(soci::into(row.created_by));
    st.exchange(soci::into(row.created_at));
    st.exchange(soci::into(last_used, last_used_ind));
    st.exchange(soci::into(revoked, revoked_ind));
  }
  ApiKeyRow Take() const {
    ApiKeyRow out = row;
    out.last_used_at = Nullable(last_used, last_used_ind);
    out.revoked_at = Nullable(revoked, revoked_ind);
    return out;
  }
};

std::vector<ApiKeyRow> QueryKeys(soci::session& sql, const std::string& where,
                                 const std::vector<std::string>& params, int limit) {
  KeyBinding b;
  soci::statement st(sql);
  b.Bind(st);
  for (const auto& p : params) {
    st.exchange(soci::use(p));
  }
  st.exchange(soci::use(limit));
  st.alloc();
  st.prepare("SELECT " + std::string(kKeyColumns) + " FROM api_keys WHERE " + where +
             " ORDER BY id LIMIT :lim");
  st.define_and_bind();
  std::vector<ApiKeyRow> out;
  if (st.execute(true)) {
    do {
      out.push_back(b.Take());
    } while (st.fetch());
  }
  return out;
}

}  // namespace

void InsertSession(soci::session& sql, const SessionRow& r) {
  sql << "INSERT INTO sessions (token_hash, tenant_id, user_id, csrf_token, created_at, "
         "expires_at, ip) VALUES (:h, :t, :u, :c, :ca, :ea, :ip)",
      soci::use(r.token_hash), soci::use(r.tenant_id), soci::use(r.user_id),
      soci::use(r.csrf_token), soci::use(r.created_at), soci::use(r.expires_at), soci::use(r.ip);
}

std::optional<SessionRow> FindSession(soci::session& sql, const std::string& token_hash) {
  SessionRow r;
  sql << "SELECT token_hash, tenant_id, user_id, csrf_token, created_at, expires_at, ip "
         "FROM sessions WHERE token_hash = :h",
      soci::into(r.token_hash), soci::into(r.tenant_id), soci::into(r.user_id),
      soci::into(r.csrf_token), soci::into(r.created_at), soci::into(r.expires_at),
      soci::into(r.ip), soci::use(token_hash);
  return sql.got_data() ? std::optional<SessionRow>(r) : std::nullopt;
}

void DeleteSession(soci::session& sql, const std::string& token_hash) {
  sql << "DELETE FROM sessions WHERE token_hash = :h", soci::use(token_hash);
}

void DeleteSessionsOfUser(soci::session& sql, const std::string& tenant_id,
                          const std::string& user_id) {
  sql << "DELETE FROM sessions WHERE tenant_id = :t AND user_id = :u", soci::use(tenant_id),
      soci::use(user_id);
}

int DeleteExpiredSessions(soci::session& sql, const std::string& now) {
  soci::statement st =
      (sql.prepare << "DELETE FROM sessions WHERE expires_at <= :now", soci::use(now));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

void InsertApiKey(soci::session& sql, const ApiKeyRow& r) {
  sql << "INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, role, created_by, "
         "created_at) VALUES (:id, :t, :n, :p, :h, :r, :cb, :ca)",
      soci::use(r.id), soci::use(r.tenant_id), soci::use(r.name), soci::use(r.prefix),
      soci::use(r.secret_hash), soci::use(r.role), soci::use(r.created_by), soci::use(r.created_at);
}

std::optional<ApiKeyRow> FindApiKeyBySecretHash(soci::session& sql, const std::string& hash) {
  auto rows = QueryKeys(sql, "secret_hash = :h", {hash}, 1);
  return rows.empty() ? std::nullopt : std::optional<ApiKeyRow>(rows.front());
}

std::vector<ApiKeyRow> ListApiKeys(soci::session& sql, const std::string& tenant_id,
                                   const std::string& after_id, int limit) {
  return QueryKeys(sql, "tenant_id = :t AND id > :after", {tenant_id, after_id}, limit);
}

bool RevokeApiKey(soci::session& sql, const std::string& tenant_id, const std::string& id,
                  const std::string& now) {
  soci::statement st =
      (sql.prepare << "UPDATE api_keys SET revoked_at = :now WHERE tenant_id = :t AND id = :id "
                      "AND revoked_at IS NULL",
       soci::use(now), soci::use(tenant_id), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void TouchApiKey(soci::session& sql, const std::string& id, const std::string& now) {
  sql << "UPDATE api_keys SET last_used_at = :now WHERE id = :id", soci::use(now), soci::use(id);
}

}  // namespace candor::storage
