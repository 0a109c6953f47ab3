#pragma once
// Recording and checking the hash-chained audit trail (PLT-4).
#include <cstdint>
#include <optional>
#include <string>

#include "common/result.hpp"
#include "domain/audit_chain.hpp"
#include "services/context.hpp"
#include "storage/database.hpp"

namespace soci {
class session;
}

namespace candor::services {

struct AuditRecord {
  std::string tenant_id;
  std::string actor_id;  ///< user id, "apikey:<id>" or "system"
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string change;  ///< what changed, as JSON; only its SHA-256 is kept
  Origin origin;
};

/// Appends within the caller's open WriteTransaction, so the entry commits with the change.
void RecordAudit(soci::session& sql, storage::Dialect dialect, const Clock& clock,
                 const AuditRecord& record);

struct AuditItem {
  domain::AuditEntry entry;
  std::optional<std::string> actor_email;
};

struct VerifyReport {
  bool ok = true;
  int64_t checked = 0;
  std::optional<int64_t> first_broken_seq;
  std::string reason;
};

class AuditService {
 public:
  explicit AuditService(Deps deps) : deps_(deps) {}
  Result<Page<AuditItem>> List(const Caller& caller, std::optional<std::string> cursor,
                               std::optional<int> limit);
  /// Checks one tenant's chain from its first entry to its recorded head.
  VerifyReport Verify(const std::string& tenant_id);

 private:
  Deps deps_;
};

}  // namespace candor::services
