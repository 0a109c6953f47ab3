#pragma once
// Request counters and latency histograms per route, rendered in Prometheus text format.
#include <array>
#include <atomic>
#include <chrono>
#include <string>

namespace candor::http {

class Router;

class Metrics {
 public:
  static constexpr size_t kMaxRoutes = 254;
  static constexpr size_t kStaticSlot = kMaxRoutes;         ///< the web app's files
  static constexpr size_t kUnmatchedSlot = kMaxRoutes + 1;  ///< 404s, malformed requests

  void Observe(size_t slot, int status, std::chrono::nanoseconds duration);
  void ConnectionOpened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { connections_.fetch_sub(1, std::memory_order_relaxed); }
  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void RequestFinished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  long long open_connections() const { return connections_.load(); }
  std::string Render(const Router& router) const;

 private:
  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   1.0,   5.0};
  struct Slot {
    std::array<std::atomic<long long>, 5> by_class{};  ///< 1xx … 5xx
    std::array<std::atomic<long long>, kBuckets.size() + 1> buckets{};
    std::atomic<long long> sum_ns{0};
  };
  std::array<Slot, kMaxRoutes + 2> slots_;
  std::atomic<long long> connections_{0};
  std::atomic<long long> in_flight_{0};
};

}  // namespace candor::http
