#pragma once
// Wrappers over libsodium and OpenSSL: hashing, random tokens, password hashes and the
// personal-data cipher. Nothing here logs its inputs.
#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace candor::crypto {

/// Must run once before any other function here (sodium_init); safe to call again.
void Initialize();

std::array<uint8_t, 32> Sha256(std::string_view data);
std::string Sha256Hex(std::string_view data);
std::string HmacSha256Hex(std::string_view key, std::string_view data);
std::string HexEncode(std::string_view bytes);
std::string Base64UrlEncode(std::string_view bytes);
Result<std::string> Base64UrlDecode(std::string_view text);
std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);
/// Cryptographically random bytes.
std::string RandomBytes(size_t count);
/// A URL-safe random token carrying `bytes` of entropy.
std::string RandomToken(size_t bytes = 32);
/// Compares in time independent of where the inputs differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

/// Argon2id cost. The defaults follow OWASP's minimum (19 MiB, 2 passes); tests may go lower.
struct PasswordCost {
  uint64_t ops = 2;
  size_t memory_bytes = 19u << 20;
};
/// An Argon2id hash in the standard $argon2id$ encoding (salt and cost included).
std::string HashPassword(std::string_view password, PasswordCost cost = {});
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

/// Authenticated encryption (XChaCha20-Poly1305) of personal data. Each ciphertext names the key
/// that sealed it ("v1.<key id>.<base64url nonce+ciphertext>"), so keys can rotate: new data is
/// sealed with the active key, old data still opens with the key it names. The associated data
/// binds a ciphertext to its place (tenant and column), so it cannot be moved to another row.
class DataCipher {
 public:
  /// Keys by id; `active` seals new data. A key is 32 bytes. `index_key` keys blind indexes.
  DataCipher(std::map<std::string, std::string> keys, std::string active, std::string index_key);
  ~DataCipher();
  DataCipher(const DataCipher&) = delete;
  DataCipher& operator=(const DataCipher&) = delete;

  /// Reads a key file: one "<id>:<base64 of 32 bytes>" per line; the id "index" keys blind
  /// indexes, the last other line is the active key. Blank lines and '#' comments are skipped.
  static Result<std::unique_ptr<DataCipher>> FromKeyFile(const std::string& path);
  /// Writes a new key file with a fresh data key and index key (mode 0600). Fails if it exists.
  static Status CreateKeyFile(const std::string& path);

  std::string Seal(std::string_view plaintext, std::string_view context) const;
  Result<std::string> Open(std::string_view sealed, std::string_view context) const;
  /// A keyed digest for looking up an encrypted value by equality (e.g. a login e-mail).
  std::string BlindIndex(std::string_view value, std::string_view context) const;
  const std::string& active_key_id() const { return active_; }

 private:
  std::map<std::string, std::string> keys_;
  std::string active_;
  std::string index_key_;
};

}  // namespace candor::crypto
