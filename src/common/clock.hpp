#pragma once
// Time as the rest of the code sees it: an injectable clock and ISO-8601 text in UTC.
#include <atomic>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace candor {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that only moves when told: for tests of expiry and lockout.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(TimePoint start) : now_(start.time_since_epoch().count()) {}
  TimePoint Now() const override { return TimePoint(TimePoint::duration(now_.load())); }
  void Advance(std::chrono::seconds by) {
    now_ += std::chrono::duration_cast<TimePoint::duration>(by).count();
  }

 private:
  std::atomic<TimePoint::duration::rep> now_;
};

/// "2026-11-21T10:00:00.123Z" — sorts as text in time order.
std::string FormatTime(TimePoint tp);
std::optional<TimePoint> ParseTime(std::string_view text);

}  // namespace candor
