#include "services/context.hpp"

#include <gtest/gtest.h>

#include <climits>

namespace candor::services {
namespace {

TEST(PageLimitTest, DefaultsToFiftyAndStaysWithinOneToTwoHundred) {
  EXPECT_EQ(PageLimit(std::nullopt), 50);
  EXPECT_EQ(PageLimit(1), 1);
  EXPECT_EQ(PageLimit(37), 37);
  EXPECT_EQ(PageLimit(200), 200);
  EXPECT_EQ(PageLimit(201), 200);
  EXPECT_EQ(PageLimit(INT_MAX), 200);
  EXPECT_EQ(PageLimit(0), 1);
  EXPECT_EQ(PageLimit(-5), 1);
  EXPECT_EQ(PageLimit(INT_MIN), 1);
}

TEST(PrincipalTest, CanFollowsTheRole) {
  Principal p;
  p.role = domain::Role::kInterviewer;
  EXPECT_TRUE(p.Can(domain::Permission::kScorecardsWrite));
  EXPECT_FALSE(p.Can(domain::Permission::kCandidatesWrite));
  p.role = domain::Role::kOwner;
  EXPECT_TRUE(p.Can(domain::Permission::kCandidatesWrite));
}

}  // namespace
}  // namespace candor::services
