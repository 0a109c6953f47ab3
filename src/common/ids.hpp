#pragma once
#include <string>

#include "common/clock.hpp"

namespace candor {

/// A UUIDv7 in text form: time-ordered, so ids sort by creation and serve as paging cursors.
std::string NewId(TimePoint now = std::chrono::system_clock::now());
/// True for the 36-character form NewId writes (any UUID version).
bool IsValidId(std::string_view id);

}  // namespace candor
