// The one translation unit that compiles Boost.JSON.
#include <boost/json/src.hpp>

#include "common/json.hpp"

namespace candor {

Result<json::object> ParseJsonObject(std::string_view body) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 64;
  json::value value = json::parse(body, ec, {}, options);
  if (ec) {
    return Error::Of("request.invalid_json", ec.message());
  }
  if (!value.is_object()) {
    return Error::Of("request.invalid_json", "expected an object");
  }
  return std::move(value.as_object());
}

std::optional<std::string> FieldReader::String(std::string_view field, bool required,
                                               size_t min_len, size_t max_len) {
  const json::value* v = object_.if_contains(field);
  if (!v || v->is_null()) {
    if (required) {
      Add(std::string(field), "required");
    }
    return std::nullopt;
  }
  if (!v->is_string()) {
    Add(std::string(field), "invalid_type", "string");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (!IsValidUtf8(s)) {
    Add(std::string(field), "invalid_type", "UTF-8 text");
    return std::nullopt;
  }
  size_t len = Utf8Length(s);
  if (required && len == 0) {
    Add(std::string(field), "required");
    return std::nullopt;
  }
  if (len < min_len) {
    Add(std::string(field), "too_short", std::to_string(min_len));
    return std::nullopt;
  }
  if (len > max_len) {
    Add(std::string(field), "too_long", std::to_string(max_len));
    return std::nullopt;
  }
  return s;
}

std::optional<bool> FieldReader::Bool(std::string_view field, bool required) {
  const json::value* v = object_.if_contains(field);
  if (!v || v->is_null()) {
    if (required) {
      Add(std::string(field), "required");
    }
    return std::nullopt;
  }
  if (!v->is_bool()) {
    Add(std::string(field), "invalid_type", "boolean");
    return std::nullopt;
  }
  return v->as_bool();
}

void FieldReader::RejectUnknown(std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : object_) {
    bool found = false;
    for (auto k : known) {
      found = found || k == key;
    }
    if (!found) {
      Add(std::string(key), "unknown_field");
    }
  }
}

void AppendJsonString(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

size_t Utf8Length(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) {
    n += (c & 0xC0) != 0x80;
  }
  return n;
}

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t extra = (c >= 0xC2 && c <= 0xDF)   ? 1
                   : (c >= 0xE0 && c <= 0xEF) ? 2
                   : (c >= 0xF0 && c <= 0xF4) ? 3
                                              : 0;
    if (extra == 0 || i + extra >= text.size()) {
      return false;
    }
    auto next = static_cast<unsigned char>(text[i + 1]);
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((c == 0xE0 && next < 0xA0) || (c == 0xED && next >= 0xA0) || (c == 0xF0 && next < 0x90) ||
        (c == 0xF4 && next >= 0x90)) {
      return false;
    }
    for (size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += extra + 1;
  }
  return true;
}

bool LooksLikeEmail(std::string_view text) {
  auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || at != text.rfind('@') || text.size() > 254) {
    return false;
  }
  auto domain = text.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') {
    return false;
  }
  for (unsigned char c : text) {
    if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == ',' || c == ';') {
      return false;
    }
  }
  return true;
}

}  // namespace candor
