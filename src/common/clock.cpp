#include "common/clock.hpp"

#include <charconv>
#include <cstdio>
#include <ctime>

namespace candor {

std::string FormatTime(TimePoint tp) {
  using namespace std::chrono;
  auto ms = duration_cast<milliseconds>(tp.time_since_epoch()).count();
  time_t secs = static_cast<time_t>(ms / 1000);
  if (ms < 0 && ms % 1000 != 0) {
    --secs;
  }
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(((ms % 1000) + 1000) % 1000));
  return buf;
}

std::optional<TimePoint> ParseTime(std::string_view text) {
  // Accepts what FormatTime writes, with or without milliseconds.
  auto num = [&](size_t pos, size_t len, int& out) {
    if (pos + len > text.size()) {
      return false;
    }
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return ec == std::errc() && p == text.data() + pos + len;
  };
  int y, mo, d, h, mi, s, ms = 0;
  if (text.size() < 20 || !num(0, 4, y) || text[4] != '-' || !num(5, 2, mo) || text[7] != '-' ||
      !num(8, 2, d) || text[10] != 'T' || !num(11, 2, h) || text[13] != ':' || !num(14, 2, mi) ||
      text[16] != ':' || !num(17, 2, s)) {
    return std::nullopt;
  }
  size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    if (!num(pos + 1, 3, ms)) {
      return std::nullopt;
    }
    pos += 4;
  }
  if (pos + 1 != text.size() || text[pos] != 'Z' || mo < 1 || mo > 12 || d < 1 || d > 31 ||
      h > 23 || mi > 59 || s > 60) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  time_t secs = timegm(&tm);
  return std::chrono::system_clock::from_time_t(secs) + std::chrono::milliseconds(ms);
}

}  // namespace candor
