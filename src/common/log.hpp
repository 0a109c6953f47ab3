#pragma once
// Structured logging: one JSON object per line (or readable text), never secrets.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace candor::log {

using Value = std::variant<std::string_view, long long, double, bool>;
using Field = std::pair<std::string_view, Value>;

enum class Level { kDebug, kInfo, kWarn, kError };

/// `level`: trace|debug|info|warn|error|off; `format`: json|text. Logs go to standard error.
void Initialize(const std::string& level, const std::string& format);
bool Enabled(Level level);
void Write(Level level, std::string_view message, std::initializer_list<Field> fields = {});

inline void Debug(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kDebug, m, f);
}
inline void Info(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kInfo, m, f);
}
inline void Warn(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kWarn, m, f);
}
inline void Error(std::string_view m, std::initializer_list<Field> f = {}) {
  Write(Level::kError, m, f);
}

}  // namespace candor::log
