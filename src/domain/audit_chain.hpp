#pragma once
// The rule of the audit trail: each entry's hash covers its fields and its predecessor's hash,
// so editing or removing any entry breaks every link after it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace candor::domain {

struct AuditEntry {
  int64_t seq = 0;
  std::string at;  ///< ISO-8601 UTC
  std::string tenant_id;
  std::string actor_id;
  std::string action;  ///< "user.login", "user.create", …
  std::string entity;
  std::string entity_id;
  std::string ip;
  std::string request_id;
  std::string digest;     ///< SHA-256 (hex) of the change
  std::string prev_hash;  ///< hash of entry seq-1 ("" for the first)
  std::string hash;
};

/// The hash an entry must carry, given its fields and prev_hash.
std::string ComputeAuditHash(const AuditEntry& entry);

struct ChainBreak {
  int64_t seq;         ///< the first entry that does not hold
  std::string reason;  ///< "edited", "missing before this entry", …
};

/// Checks consecutive entries (ordered by seq) continuing after `prev` (seq and hash of the last
/// entry already checked; {0, ""} at the start). Returns the first break, if any.
std::optional<ChainBreak> VerifyAuditChain(const std::vector<AuditEntry>& entries, int64_t prev_seq,
                                           const std::string& prev_hash);

}  // namespace candor::domain
