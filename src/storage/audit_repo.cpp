#include <soci/soci.h>

#include "storage/records.hpp"

namespace candor::storage {
namespace {

constexpr const char* kAuditColumns =
    "seq, at, tenant_id, actor_id, action, entity, entity_id, ip, request_id, digest, prev_hash, "
    "hash";

std::vector<domain::AuditEntry> QueryAudit(soci::session& sql, const std::string& query,
                                           const std::string& tenant_id, long long seq, int limit) {
  domain::AuditEntry e;
  long long row_seq = 0;
  soci::statement st =
      (sql.prepare << query, soci::into(row_seq), soci::into(e.at), soci::into(e.tenant_id),
       soci::into(e.actor_id), soci::into(e.action), soci::into(e.entity), soci::into(e.entity_id),
       soci::into(e.ip), soci::into(e.request_id), soci::into(e.digest), soci::into(e.prev_hash),
       soci::into(e.hash), soci::use(tenant_id), soci::use(seq), soci::use(limit));
  std::vector<domain::AuditEntry> out;
  if (st.execute(true)) {
    do {
      e.seq = row_seq;
      out.push_back(e);
    } while (st.fetch());
  }
  return out;
}

}  // namespace

void AppendAudit(soci::session& sql, Dialect dialect, domain::AuditEntry& entry) {
  // The head row serialises appends per tenant: SQLite already holds the write lock
  // (BEGIN IMMEDIATE); PostgreSQL locks the row.
  sql << "INSERT INTO audit_head (tenant_id, seq, hash) VALUES (:t, 0, '') "
         "ON CONFLICT (tenant_id) DO NOTHING",
      soci::use(entry.tenant_id);
  long long seq = 0;
  std::string prev;
  sql << std::string("SELECT seq, hash FROM audit_head WHERE tenant_id = :t") +
             (dialect == Dialect::kPostgres ? " FOR UPDATE" : ""),
      soci::into(seq), soci::into(prev), soci::use(entry.tenant_id);
  entry.seq = seq + 1;
  entry.prev_hash = prev;
  entry.hash = domain::ComputeAuditHash(entry);
  long long new_seq = entry.seq;
  sql << "INSERT INTO audit_log (" + std::string(kAuditColumns) +
             ") VALUES (:seq, :at, :t, :actor, :action, :entity, :eid, :ip, :rid, :digest, "
             ":prev, :hash)",
      soci::use(new_seq), soci::use(entry.at), soci::use(entry.tenant_id),
      soci::use(entry.actor_id), soci::use(entry.action), soci::use(entry.entity),
      soci::use(entry.entity_id), soci::use(entry.ip), soci::use(entry.request_id),
      soci::use(entry.digest), soci::use(entry.prev_hash), soci::use(entry.hash);
  sql << "UPDATE audit_head SET seq = :seq, hash = :hash WHERE tenant_id = :t", soci::use(new_seq),
      soci::use(entry.hash), soci::use(entry.tenant_id);
}

std::vector<domain::AuditEntry> ListAudit(soci::session& sql, const std::string& tenant_id,
                                          int64_t before_seq, int limit) {
  return QueryAudit(sql,
                    "SELECT " + std::string(kAuditColumns) +
                        " FROM audit_log WHERE tenant_id = :t AND seq < :seq ORDER BY seq DESC "
                        "LIMIT :lim",
                    tenant_id, before_seq > 0 ? before_seq : INT64_MAX, limit);
}

std::vector<domain::AuditEntry> ReadAuditAfter(soci::session& sql, const std::string& tenant_id,
                                               int64_t after_seq, int limit) {
  return QueryAudit(sql,
                    "SELECT " + std::string(kAuditColumns) +
                        " FROM audit_log WHERE tenant_id = :t AND seq > :seq ORDER BY seq "
                        "LIMIT :lim",
                    tenant_id, after_seq, limit);
}

AuditHead ReadAuditHead(soci::session& sql, const std::string& tenant_id) {
  AuditHead head;
  long long seq = 0;
  sql << "SELECT seq, hash FROM audit_head WHERE tenant_id = :t", soci::into(seq),
      soci::into(head.hash), soci::use(tenant_id);
  head.seq = sql.got_data() ? seq : 0;
  return head;
}

}  // namespace candor::storage
