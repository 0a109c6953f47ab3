#include "common/ids.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "common/crypto.hpp"

namespace candor {
namespace {

TimePoint At(int64_t ms_since_epoch) {
  return TimePoint(
      std::chrono::duration_cast<TimePoint::duration>(std::chrono::milliseconds(ms_since_epoch)));
}

class IdsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { crypto::Initialize(); }
};

TEST_F(IdsTest, NewIdIsAValidUuidVersion7) {
  auto id = NewId();
  EXPECT_TRUE(IsValidId(id)) << id;
  EXPECT_EQ(id[14], '7') << id;
  EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
}

TEST_F(IdsTest, NewIdCarriesTheMillisecondTimestamp) {
  auto id = NewId(At(0x0123456789ab));
  EXPECT_EQ(id.substr(0, 13), "01234567-89ab");
}

TEST_F(IdsTest, NewIdsAreUnique) {
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) {
    ids.insert(NewId(At(1795255200000)));  // same millisecond: only the random part differs
  }
  EXPECT_EQ(ids.size(), 1000u);
}

TEST_F(IdsTest, NewIdsSortByCreationTime) {
  std::string previous = NewId(At(1795255200000));
  for (int64_t step : {1, 2, 1000, 86400000}) {
    std::string next = NewId(At(1795255200000 + step));
    EXPECT_LT(previous, next) << step;
    previous = next;
  }
}

TEST_F(IdsTest, IsValidIdRejectsOtherShapes) {
  EXPECT_TRUE(IsValidId("01934f7e-1a2b-7c3d-8e4f-0123456789ab"));
  EXPECT_TRUE(IsValidId("00000000-0000-0000-0000-000000000000"));
  EXPECT_FALSE(IsValidId(""));
  EXPECT_FALSE(IsValidId("01934F7E-1A2B-7C3D-8E4F-0123456789AB"));  // upper case
  EXPECT_FALSE(IsValidId("01934f7e-1a2b-7c3d-8e4f-0123456789a"));
  EXPECT_FALSE(IsValidId("01934f7e-1a2b-7c3d-8e4f-0123456789abc"));
  EXPECT_FALSE(IsValidId("01934f7e1a2b-7c3d-8e4f-0123456789abc"));
  EXPECT_FALSE(IsValidId("01934f7e-1a2b-7c3d-8e4f-0123456789ag"));
  EXPECT_FALSE(IsValidId("01934f7e-1a2b-7c3d-8e4f-01234567-9ab"));
  EXPECT_FALSE(IsValidId("' OR 1=1 --                         "));
}

}  // namespace
}  // namespace candor
