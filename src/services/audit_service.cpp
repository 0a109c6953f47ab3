#include "services/audit_service.hpp"

#include <soci/soci.h>

#include <charconv>
#include <map>

#include "common/crypto.hpp"
#include "storage/records.hpp"

namespace candor::services {

int PageLimit(std::optional<int> requested) {
  if (!requested) {
    return 50;
  }
  return std::clamp(*requested, 1, 200);
}

void RecordAudit(soci::session& sql, storage::Dialect dialect, const Clock& clock,
                 const AuditRecord& r) {
  domain::AuditEntry entry;
  entry.at = FormatTime(clock.Now());
  entry.tenant_id = r.tenant_id;
  entry.actor_id = r.actor_id;
  entry.action = r.action;
  entry.entity = r.entity;
  entry.entity_id = r.entity_id;
  entry.ip = r.origin.ip;
  entry.request_id = r.origin.request_id;
  entry.digest = crypto::Sha256Hex(r.change);
  storage::AppendAudit(sql, dialect, entry);
}

Result<Page<AuditItem>> AuditService::List(const Caller& caller, std::optional<std::string> cursor,
                                           std::optional<int> limit) {
  int64_t before = 0;
  if (cursor) {
    auto [p, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), before);
    if (ec != std::errc() || p != cursor->data() + cursor->size() || before <= 0) {
      return Error::Validation({{"cursor", "invalid_value", "a cursor from a previous page"}});
    }
  }
  int n = PageLimit(limit);
  soci::session sql(deps_.db.pool());
  auto entries = storage::ListAudit(sql, caller.principal.tenant_id, before, n + 1);
  Page<AuditItem> page;
  std::map<std::string, std::optional<std::string>> emails;  // one lookup per actor per page
  for (size_t i = 0; i < entries.size() && static_cast<int>(i) < n; ++i) {
    AuditItem item{entries[i], std::nullopt};
    const std::string& actor = item.entry.actor_id;
    if (!emails.contains(actor)) {
      auto user = storage::FindUserById(sql, caller.principal.tenant_id, actor);
      std::optional<std::string> email;
      if (user) {
        auto opened = deps_.cipher.Open(user->email_sealed, user->tenant_id + ":users.email");
        if (opened.ok()) {
          email = opened.value();
        }
      }
      emails[actor] = email;
    }
    item.actor_email = emails[actor];
    page.items.push_back(std::move(item));
  }
  if (static_cast<int>(entries.size()) > n) {
    page.next_cursor = std::to_string(page.items.back().entry.seq);
  }
  return page;
}

VerifyReport AuditService::Verify(const std::string& tenant_id) {
  soci::session sql(deps_.db.pool());
  VerifyReport report;
  auto head = storage::ReadAuditHead(sql, tenant_id);
  int64_t last_seq = 0;
  std::string last_hash;
  constexpr int kBatch = 1000;
  for (;;) {
    auto batch = storage::ReadAuditAfter(sql, tenant_id, last_seq, kBatch);
    if (batch.empty()) {
      break;
    }
    if (auto broken = domain::VerifyAuditChain(batch, last_seq, last_hash)) {
      report.ok = false;
      report.first_broken_seq = broken->seq;
      report.reason = broken->reason;
      report.checked += std::count_if(batch.begin(), batch.end(), [&](const domain::AuditEntry& e) {
        return e.seq < broken->seq;
      });
      return report;
    }
    report.checked += static_cast<int64_t>(batch.size());
    last_seq = batch.back().seq;
    last_hash = batch.back().hash;
  }
  if (last_seq != head.seq || last_hash != head.hash) {
    report.ok = false;
    report.first_broken_seq = last_seq + 1;
    report.reason = last_seq < head.seq ? "entries " + std::to_string(last_seq + 1) + " to " +
                                              std::to_string(head.seq) + " are missing"
                                        : "the chain does not end at its recorded head";
  }
  return report;
}

}  // namespace candor::services
