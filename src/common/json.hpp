#pragma once
// Boost.JSON, compiled once in json.cpp, and helpers that turn a request body into typed fields
// while collecting every invalid field for one validation error.
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace candor {

namespace json = boost::json;

/// Parses a request body that must be a JSON object.
Result<json::object> ParseJsonObject(std::string_view body);

/// Reads fields from a parsed object, remembering what was wrong with each.
class FieldReader {
 public:
  explicit FieldReader(const json::object& object) : object_(object) {}

  std::optional<std::string> String(std::string_view field, bool required, size_t min_len = 0,
                                    size_t max_len = 1000);
  std::optional<bool> Bool(std::string_view field, bool required);
  /// Adds an error for any field not in `known`.
  void RejectUnknown(std::initializer_list<std::string_view> known);
  void Add(std::string field, std::string code, std::string arg = {}) {
    errors_.push_back({std::move(field), std::move(code), std::move(arg)});
  }
  bool ok() const { return errors_.empty(); }
  const std::vector<FieldError>& errors() const { return errors_; }
  Error error() const { return Error::Validation(errors_); }

 private:
  const json::object& object_;
  std::vector<FieldError> errors_;
};

/// Appends `text` as a quoted JSON string (escaping quotes, backslashes and control characters).
void AppendJsonString(std::string& out, std::string_view text);

/// Length in Unicode code points of valid UTF-8 (invalid bytes count one each).
size_t Utf8Length(std::string_view text);
bool IsValidUtf8(std::string_view text);
bool LooksLikeEmail(std::string_view text);

}  // namespace candor
