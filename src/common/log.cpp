#include "common/log.hpp"

#include "common/json.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace candor::log {
namespace {

bool g_json = true;
std::shared_ptr<spdlog::logger> g_logger;

spdlog::level::level_enum ToSpd(Level level) {
  switch (level) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

spdlog::logger& Logger() {
  if (!g_logger) {
    Initialize("info", "json");
  }
  return *g_logger;
}

}  // namespace

void Initialize(const std::string& level, const std::string& format) {
  g_json = format != "text";
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  g_logger = std::make_shared<spdlog::logger>("candor", sink);
  g_logger->set_pattern(
      g_json ? R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})" : "%Y-%m-%d %H:%M:%S.%e %-5l %v",
      spdlog::pattern_time_type::utc);
  g_logger->set_level(spdlog::level::from_str(level));
  g_logger->flush_on(spdlog::level::warn);
}

bool Enabled(Level level) {
  return Logger().should_log(ToSpd(level));
}

void Write(Level level, std::string_view message, std::initializer_list<Field> fields) {
  auto& logger = Logger();
  if (!logger.should_log(ToSpd(level))) {
    return;
  }
  std::string line;
  line.reserve(160);
  if (g_json) {
    line += "\"msg\":";
    AppendJsonString(line, message);
  } else {
    line += message;
  }
  for (const auto& [key, value] : fields) {
    if (g_json) {
      line += ",\"";
      line += key;
      line += "\":";
    } else {
      line += ' ';
      line += key;
      line += '=';
    }
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string_view>) {
            if (g_json) {
              AppendJsonString(line, v);
            } else {
              line += v;
            }
          } else if constexpr (std::is_same_v<T, bool>) {
            line += v ? "true" : "false";
          } else {
            line += std::to_string(v);
          }
        },
        value);
  }
  logger.log(ToSpd(level), line);
}

}  // namespace candor::log
