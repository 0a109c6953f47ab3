#include "common/clock.hpp"
#include <cstring>
#include <memory>

#include <gtest/gtest.h>

#include <string>

namespace candor {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;

TimePoint At(int64_t ms_since_epoch) {
  return TimePoint(std::chrono::duration_cast<TimePoint::duration>(milliseconds(ms_since_epoch)));
}

TEST(ClockTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(FormatTime(At(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatTime(At(1234)), "1970-01-01T00:00:01.234Z");
  EXPECT_EQ(FormatTime(At(1795255200123)), "2026-11-21T10:00:00.123Z");
  // Leap day.
  EXPECT_EQ(FormatTime(At(1709164800000)), "2024-02-29T00:00:00.000Z");
}

TEST(ClockTest, FormatsTimesBeforeTheEpoch) {
  EXPECT_EQ(FormatTime(At(-1)), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatTime(At(-1000)), "1969-12-31T23:59:59.000Z");
}

TEST(ClockTest, ParseRoundTripsFormat) {
  for (int64_t ms : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{999}, int64_t{1795255200123},
                     int64_t{4102444799999}}) {
    auto text = FormatTime(At(ms));
    auto parsed = ParseTime(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, At(ms)) << text;
  }
}

TEST(ClockTest, ParseAcceptsWholeSeconds) {
  auto parsed = ParseTime("2026-11-21T10:00:00Z");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, At(1795255200000));
}

TEST(ClockTest, FormattedTimesSortAsText) {
  auto earlier = FormatTime(At(1795255200123));
  auto later = FormatTime(At(1795255200123) + hours(24 * 40) + milliseconds(1));
  EXPECT_LT(earlier, later);
}

TEST(ClockTest, ParseRejectsMalformedText) {
  for (std::string text : {"",
                           "2026",
                           "2026-11-21",
                           "2026-11-21T10:00:00",
                           "2026-11-21 10:00:00Z",
                           "2026/11/21T10:00:00Z",
                           "2026-11-21T10:00Z",
                           "2026-11-21T10:00:00.12Z",
                           "2026-11-21T10:00:00.1234Z",
                           "2026-11-21T10:00:00.123",
                           "2026-11-21T10:00:00.Z",
                           "2026-11-21T10:00:00.123Zjunk",
                           "2026-11-21T10:00:00+08:00",
                           "2026-1x-21T10:00:00Z",
                           "yyyy-mm-ddThh:mm:ssZ",
                           " 2026-11-21T10:00:00Z",
                           "2026-13-01T10:00:00Z",
                           "2026-00-01T10:00:00Z",
                           "2026-11-21T25:00:00Z",
                           "2026-11-21T10:61:00Z"}) {
    EXPECT_FALSE(ParseTime(text).has_value()) << "'" << text << "'";
  }
}

TEST(ClockTest, ParseNeverReadsPastAShortBuffer) {
  // On the heap and exactly as long as its text, so AddressSanitizer sees any read beyond it.
  for (const char* text : {"2026", "2026-11-21T10"}) {
    auto bytes = std::make_unique<char[]>(std::strlen(text));
    std::memcpy(bytes.get(), text, std::strlen(text));
    EXPECT_FALSE(ParseTime(std::string_view(bytes.get(), std::strlen(text))).has_value());
  }
}

TEST(ManualClockTest, MovesOnlyWhenAdvanced) {
  ManualClock clock(At(1795255200000));
  EXPECT_EQ(clock.Now(), At(1795255200000));
  EXPECT_EQ(clock.Now(), At(1795255200000));
  clock.Advance(seconds(90));
  EXPECT_EQ(FormatTime(clock.Now()), "2026-11-21T10:01:30.000Z");
}

}  // namespace
}  // namespace candor
