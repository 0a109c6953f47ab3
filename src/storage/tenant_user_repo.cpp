#include <soci/soci.h>

#include "storage/records.hpp"

namespace candor::storage {
namespace {

constexpr const char* kUserColumns =
    "id, tenant_id, email_index, email_sealed, name_sealed, role, locale, password_hash, "
    "disabled, failed_logins, locked_until, created_at, updated_at";

// Binds every column of a users row to `row`; `locked` receives the nullable column's state.
struct UserBinding {
  UserRow row;
  int disabled = 0;
  std::string locked_until;
  soci::indicator locked_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(row.id));
    st.exchange(soci::into(row.tenant_id));
    st.exchange(soci::into(row.email_index));
    st.exchange(soci::into(row.email_sealed));
    st.exchange(soci::into(row.name_sealed));
    st.exchange(soci::into(row.role));
    st.exchange(soci::into(row.locale));
    st.exchange(soci::into(row.password_hash));
    st.exchange(soci::into(disabled));
    st.exchange(soci::into(row.failed_logins));
    st.exchange(soci::into(locked_until, locked_ind));
    st.exchange(soci::into(row.created_at));
    st.exchange(soci::into(row.updated_at));
  }
  UserRow Take() {
    UserRow out = row;
    out.disabled = disabled != 0;
    out.locked_until =
        locked_ind == soci::i_ok ? std::optional<std::string>(locked_until) : std::nullopt;
    return out;
  }
};

std::vector<UserRow> QueryUsers(soci::session& sql, const std::string& query,
                                const std::vector<std::string>& params, int limit = -1) {
  UserBinding b;
  soci::statement st(sql);
  b.Bind(st);
  for (const auto& p : params) {
    st.exchange(soci::use(p));
  }
  if (limit >= 0) {
    st.exchange(soci::use(limit));
  }
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  std::vector<UserRow> out;
  if (st.execute(true)) {
    do {
      out.push_back(b.Take());
    } while (st.fetch());
  }
  return out;
}

std::optional<TenantRow> QueryTenant(soci::session& sql, const std::string& where,
                                     const std::string& value) {
  TenantRow row;
  sql << "SELECT id, slug, name, created_at FROM tenants WHERE " + where + " = :v",
      soci::into(row.id), soci::into(row.slug), soci::into(row.name), soci::into(row.created_at),
      soci::use(value);
  if (!sql.got_data()) {
    return std::nullopt;
  }
  return row;
}

}  // namespace

void InsertTenant(soci::session& sql, const TenantRow& row) {
  sql << "INSERT INTO tenants (id, slug, name, created_at) VALUES (:id, :slug, :name, :at)",
      soci::use(row.id), soci::use(row.slug), soci::use(row.name), soci::use(row.created_at);
}

std::optional<TenantRow> FindTenantBySlug(soci::session& sql, const std::string& slug) {
  return QueryTenant(sql, "slug", slug);
}

std::optional<TenantRow> FindTenantById(soci::session& sql, const std::string& id) {
  return QueryTenant(sql, "id", id);
}

std::vector<std::string> ListTenantIds(soci::session& sql) {
  std::vector<std::string> ids;
  std::string id;
  soci::statement st = (sql.prepare << "SELECT id FROM tenants ORDER BY id", soci::into(id));
  if (st.execute(true)) {
    do {
      ids.push_back(id);
    } while (st.fetch());
  }
  return ids;
}

void InsertUser(soci::session& sql, const UserRow& r) {
  int disabled = r.disabled ? 1 : 0;
  soci::indicator locked_ind = r.locked_until ? soci::i_ok : soci::i_null;
  std::string locked = r.locked_until.value_or("");
  sql << "INSERT INTO users (" + std::string(kUserColumns) +
             ") VALUES (:id, :t, :ei, :es, :ns, :role, :loc, :ph, :dis, :fl, :lu, :ca, :ua)",
      soci::use(r.id), soci::use(r.tenant_id), soci::use(r.email_index), soci::use(r.email_sealed),
      soci::use(r.name_sealed), soci::use(r.role), soci::use(r.locale), soci::use(r.password_hash),
      soci::use(disabled), soci::use(r.failed_logins), soci::use(locked, locked_ind),
      soci::use(r.created_at), soci::use(r.updated_at);
}

std::optional<UserRow> FindUserByEmailIndex(soci::session& sql, const std::string& tenant_id,
                                            const std::string& email_index) {
  auto rows = QueryUsers(sql,
                         "SELECT " + std::string(kUserColumns) +
                             " FROM users WHERE tenant_id = :t AND email_index = :e",
                         {tenant_id, email_index});
  return rows.empty() ? std::nullopt : std::optional<UserRow>(rows.front());
}

std::optional<UserRow> FindUserById(soci::session& sql, const std::string& tenant_id,
                                    const std::string& id) {
  auto rows = QueryUsers(
      sql, "SELECT " + std::string(kUserColumns) + " FROM users WHERE tenant_id = :t AND id = :id",
      {tenant_id, id});
  return rows.empty() ? std::nullopt : std::optional<UserRow>(rows.front());
}

std::vector<UserRow> ListUsers(soci::session& sql, const std::string& tenant_id,
                               const std::string& after_id, int limit) {
  return QueryUsers(sql,
                    "SELECT " + std::string(kUserColumns) +
                        " FROM users WHERE tenant_id = :t AND id > :after ORDER BY id LIMIT :lim",
                    {tenant_id, after_id}, limit);
}

void UpdateUser(soci::session& sql, const UserRow& r) {
  int disabled = r.disabled ? 1 : 0;
  soci::indicator locked_ind = r.locked_until ? soci::i_ok : soci::i_null;
  std::string locked = r.locked_until.value_or("");
  sql << "UPDATE users SET email_index = :ei, email_sealed = :es, name_sealed = :ns, role = :role, "
         "locale = :loc, password_hash = :ph, disabled = :dis, failed_logins = :fl, "
         "locked_until = :lu, updated_at = :ua WHERE tenant_id = :t AND id = :id",
      soci::use(r.email_index), soci::use(r.email_sealed), soci::use(r.name_sealed),
      soci::use(r.role), soci::use(r.locale), soci::use(r.password_hash), soci::use(disabled),
      soci::use(r.failed_logins), soci::use(locked, locked_ind), soci::use(r.updated_at),
      soci::use(r.tenant_id), soci::use(r.id);
}

int CountActiveOwners(soci::session& sql, const std::string& tenant_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM users WHERE tenant_id = :t AND role = 'owner' AND disabled = 0",
      soci::into(count), soci::use(tenant_id);
  return count;
}

}  // namespace candor::storage
