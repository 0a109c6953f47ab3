#pragma once
// Names the database dialect in gtest output ("SQLite" rather than "4-byte object <00-00…>").
#include <ostream>

#include "storage/database.hpp"
#include "support/test_db.hpp"

namespace candor::storage {

inline void PrintTo(Dialect dialect, std::ostream* out) {
  *out << testing::DialectName(dialect);
}

}  // namespace candor::storage
