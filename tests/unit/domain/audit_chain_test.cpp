#include "domain/audit_chain.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace candor::domain {
namespace {

// A chain of `n` entries linked exactly as the repository links them.
std::vector<AuditEntry> BuildChain(int n, int64_t first_seq = 1, std::string prev_hash = "") {
  std::vector<AuditEntry> chain;
  for (int i = 0; i < n; ++i) {
    AuditEntry e;
    e.seq = first_seq + i;
    e.at = "2026-11-21T10:00:0" + std::to_string(i % 10) + ".000Z";
    e.tenant_id = "tenant-1";
    e.actor_id = "user-" + std::to_string(i % 3);
    e.action = i % 2 ? "user.update" : "user.login";
    e.entity = "user";
    e.entity_id = "user-" + std::to_string(i);
    e.ip = "10.0.0." + std::to_string(i);
    e.request_id = "req-" + std::to_string(i);
    e.digest = std::string(64, 'a' + static_cast<char>(i % 6));
    e.prev_hash = prev_hash;
    e.hash = ComputeAuditHash(e);
    prev_hash = e.hash;
    chain.push_back(e);
  }
  return chain;
}

TEST(AuditChainTest, IntactChainVerifies) {
  EXPECT_FALSE(VerifyAuditChain(BuildChain(8), 0, "").has_value());
  EXPECT_FALSE(VerifyAuditChain({}, 0, "").has_value());
}

TEST(AuditChainTest, ContinuesFromAnEarlierBatch) {
  auto chain = BuildChain(10);
  std::vector<AuditEntry> first(chain.begin(), chain.begin() + 4);
  std::vector<AuditEntry> rest(chain.begin() + 4, chain.end());
  EXPECT_FALSE(VerifyAuditChain(first, 0, "").has_value());
  EXPECT_FALSE(VerifyAuditChain(rest, first.back().seq, first.back().hash).has_value());
  auto wrong = VerifyAuditChain(rest, first.back().seq, chain[2].hash);
  ASSERT_TRUE(wrong.has_value());
  EXPECT_EQ(wrong->seq, 5);
}

TEST(AuditChainTest, HashIsSha256Hex) {
  auto hash = ComputeAuditHash(BuildChain(1)[0]);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(AuditChainTest, FieldBoundariesAreUnambiguous) {
  AuditEntry a = BuildChain(1)[0];
  AuditEntry b = a;
  a.entity = "user";
  a.entity_id = "x";
  b.entity = "use";
  b.entity_id = "rx";
  EXPECT_NE(ComputeAuditHash(a), ComputeAuditHash(b));
}

// Editing any one field of entry 4 is reported at entry 4.
class AuditFieldEditTest : public ::testing::TestWithParam<std::string> {};

TEST_P(AuditFieldEditTest, ReportedAtTheEditedEntry) {
  auto chain = BuildChain(7);
  AuditEntry& e = chain[3];
  const std::string& field = GetParam();
  if (field == "at") {
    e.at = "2020-01-01T00:00:00.000Z";
  } else if (field == "tenant_id") {
    e.tenant_id = "tenant-2";
  } else if (field == "actor_id") {
    e.actor_id = "someone-else";
  } else if (field == "action") {
    e.action = "user.delete";
  } else if (field == "entity") {
    e.entity = "api_key";
  } else if (field == "entity_id") {
    e.entity_id = "user-99";
  } else if (field == "ip") {
    e.ip = "192.168.0.1";
  } else if (field == "request_id") {
    e.request_id = "req-x";
  } else if (field == "digest") {
    e.digest[0] = e.digest[0] == 'f' ? 'e' : 'f';
  } else if (field == "hash") {
    e.hash = ComputeAuditHash(chain[2]);
  }
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);
  EXPECT_FALSE(broken->reason.empty());
}

INSTANTIATE_TEST_SUITE_P(Fields, AuditFieldEditTest,
                         ::testing::Values("at", "tenant_id", "actor_id", "action", "entity",
                                           "entity_id", "ip", "request_id", "digest", "hash"));

TEST(AuditChainTest, EditWithRecomputedHashIsReportedAtTheNextEntry) {
  // Someone who edits an entry and fixes its hash still breaks the link from the next one.
  auto chain = BuildChain(6);
  chain[2].action = "user.create";
  chain[2].hash = ComputeAuditHash(chain[2]);
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);
  EXPECT_EQ(broken->reason, "does not link to the entry before it");
}

TEST(AuditChainTest, RemovedMiddleEntryIsReportedAfterTheGap) {
  auto chain = BuildChain(6);
  chain.erase(chain.begin() + 2);  // seq 3
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);
  EXPECT_EQ(broken->reason, "entries 3 to 3 are missing");
}

TEST(AuditChainTest, RemovedFirstEntryIsReported) {
  auto chain = BuildChain(4);
  chain.erase(chain.begin());
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 2);
}

TEST(AuditChainTest, RemovedAndRenumberedEntryIsReported) {
  // Deleting seq 3 and renumbering the rest keeps seq contiguous but breaks the links.
  auto chain = BuildChain(6);
  chain.erase(chain.begin() + 2);
  for (size_t i = 2; i < chain.size(); ++i) {
    chain[i].seq -= 1;
  }
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 3);
}

TEST(AuditChainTest, ReorderedEntriesAreReported) {
  auto chain = BuildChain(6);
  std::swap(chain[2], chain[3]);
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 4);  // the first entry out of place

  // Swapping seq numbers too keeps the order but not the content.
  auto renumbered = BuildChain(6);
  std::swap(renumbered[2], renumbered[3]);
  std::swap(renumbered[2].seq, renumbered[3].seq);
  broken = VerifyAuditChain(renumbered, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 3);
}

TEST(AuditChainTest, BrokenPrevHashIsReportedAtThatEntry) {
  auto chain = BuildChain(6);
  chain[4].prev_hash = std::string(64, '0');
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 5);
  EXPECT_EQ(broken->reason, "does not link to the entry before it");
}

TEST(AuditChainTest, FirstEntryMustStartTheChain) {
  auto chain = BuildChain(3, 1, "some-earlier-hash");
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 1);
}

TEST(AuditChainTest, FirstBreakIsTheOneReported) {
  auto chain = BuildChain(8);
  chain[6].action = "x";
  chain[2].action = "y";
  auto broken = VerifyAuditChain(chain, 0, "");
  ASSERT_TRUE(broken.has_value());
  EXPECT_EQ(broken->seq, 3);
}

}  // namespace
}  // namespace candor::domain
