#include "domain/audit_chain.hpp"

#include "common/crypto.hpp"

namespace candor::domain {

std::string ComputeAuditHash(const AuditEntry& e) {
  // Length-prefixed fields: no two different entries serialise to the same text.
  std::string text;
  auto add = [&](const std::string& field) {
    text += std::to_string(field.size());
    text += ':';
    text += field;
    text += ';';
  };
  add(std::to_string(e.seq));
  add(e.at);
  add(e.tenant_id);
  add(e.actor_id);
  add(e.action);
  add(e.entity);
  add(e.entity_id);
  add(e.ip);
  add(e.request_id);
  add(e.digest);
  add(e.prev_hash);
  return crypto::Sha256Hex(text);
}

std::optional<ChainBreak> VerifyAuditChain(const std::vector<AuditEntry>& entries, int64_t prev_seq,
                                           const std::string& prev_hash) {
  int64_t expect_seq = prev_seq + 1;
  const std::string* expect_prev = &prev_hash;
  for (const auto& e : entries) {
    if (e.seq != expect_seq) {
      return ChainBreak{e.seq, "entries " + std::to_string(expect_seq) + " to " +
                                   std::to_string(e.seq - 1) + " are missing"};
    }
    if (e.prev_hash != *expect_prev) {
      return ChainBreak{e.seq, "does not link to the entry before it"};
    }
    if (ComputeAuditHash(e) != e.hash) {
      return ChainBreak{e.seq, "was edited after it was written"};
    }
    expect_seq = e.seq + 1;
    expect_prev = &e.hash;
  }
  return std::nullopt;
}

}  // namespace candor::domain
