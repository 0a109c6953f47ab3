#include "http/metrics.hpp"

#include <cstdio>

#include "http/router.hpp"

namespace candor::http {

void Metrics::Observe(size_t slot, int status, std::chrono::nanoseconds duration) {
  Slot& s = slots_[std::min(slot, kUnmatchedSlot)];
  int cls = std::clamp(status / 100, 1, 5) - 1;
  s.by_class[static_cast<size_t>(cls)].fetch_add(1, std::memory_order_relaxed);
  double seconds = std::chrono::duration<double>(duration).count();
  size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) {
    ++b;
  }
  s.buckets[b].fetch_add(1, std::memory_order_relaxed);
  s.sum_ns.fetch_add(duration.count(), std::memory_order_relaxed);
}

std::string Metrics::Render(const Router& router) const {
  std::string out;
  out += "# HELP candor_http_requests_total HTTP requests answered, by route and status class.\n";
  out += "# TYPE candor_http_requests_total counter\n";
  auto label = [&](size_t slot) -> std::string {
    if (slot == kStaticSlot) {
      return "method=\"GET\",route=\"static\"";
    }
    if (slot == kUnmatchedSlot) {
      return "method=\"\",route=\"unmatched\"";
    }
    const Route& r = router.routes()[slot];
    return "method=\"" + r.method + "\",route=\"" + r.pattern + "\"";
  };
  std::vector<size_t> used;
  for (size_t i = 0; i < slots_.size(); ++i) {
    if (i < kMaxRoutes && i >= router.routes().size()) {
      continue;
    }
    used.push_back(i);
  }
  for (size_t i : used) {
    for (size_t c = 0; c < 5; ++c) {
      long long n = slots_[i].by_class[c].load(std::memory_order_relaxed);
      if (n > 0) {
        out += "candor_http_requests_total{" + label(i) + ",status=\"" + std::to_string(c + 1) +
               "xx\"} " + std::to_string(n) + "\n";
      }
    }
  }
  out +=
      "# HELP candor_http_request_duration_seconds Time from a request's last byte to its "
      "response.\n";
  out += "# TYPE candor_http_request_duration_seconds histogram\n";
  char le[32];
  for (size_t i : used) {
    const Slot& s = slots_[i];
    long long total = 0;
    for (const auto& b : s.buckets) {
      total += b.load(std::memory_order_relaxed);
    }
    if (total == 0) {
      continue;
    }
    long long cumulative = 0;
    for (size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += s.buckets[b].load(std::memory_order_relaxed);
      if (b < kBuckets.size()) {
        std::snprintf(le, sizeof le, "%g", kBuckets[b]);
      } else {
        std::snprintf(le, sizeof le, "+Inf");
      }
      out += "candor_http_request_duration_seconds_bucket{" + label(i) + ",le=\"" + le + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    std::snprintf(le, sizeof le, "%.6f", static_cast<double>(s.sum_ns.load()) / 1e9);
    out += "candor_http_request_duration_seconds_sum{" + label(i) + "} " + le + "\n";
    out += "candor_http_request_duration_seconds_count{" + label(i) + "} " +
           std::to_string(cumulative) + "\n";
  }
  out += "# HELP candor_http_open_connections Client connections open now.\n";
  out += "# TYPE candor_http_open_connections gauge\n";
  out += "candor_http_open_connections " + std::to_string(connections_.load()) + "\n";
  out += "# HELP candor_http_requests_in_flight Requests being handled now.\n";
  out += "# TYPE candor_http_requests_in_flight gauge\n";
  out += "candor_http_requests_in_flight " + std::to_string(in_flight_.load()) + "\n";
  return out;
}

}  // namespace candor::http
