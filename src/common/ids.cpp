#include "common/ids.hpp"

#include <cstdint>

#include "common/crypto.hpp"

namespace candor {

std::string NewId(TimePoint now) {
  auto ms = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count());
  std::string bytes = crypto::RandomBytes(16);
  for (int i = 0; i < 6; ++i) {
    bytes[i] = static_cast<char>((ms >> (40 - 8 * i)) & 0xff);
  }
  bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x70);  // version 7
  bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string hex = crypto::HexEncode(bytes);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

bool IsValidId(std::string_view id) {
  if (id.size() != 36) {
    return false;
  }
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace candor
