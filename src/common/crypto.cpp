#include "common/crypto.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#include <sodium.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

namespace candor::crypto {
namespace {

constexpr std::string_view kSealedPrefix = "v1.";

const uint8_t* Bytes(std::string_view s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

std::string EncodeBase64(std::string_view bytes, int variant) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(bytes), bytes.size(), variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

Result<std::string> DecodeBase64(std::string_view text, int variant) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<uint8_t*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, variant) != 0) {
    return Error::Internal("invalid base64");
  }
  out.resize(len);
  return out;
}

}  // namespace

void Initialize() {
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium failed to initialise");
  }
}

std::array<uint8_t, 32> Sha256(std::string_view data) {
  std::array<uint8_t, 32> digest{};
  SHA256(Bytes(data), data.size(), digest.data());
  return digest;
}

std::string Sha256Hex(std::string_view data) {
  auto digest = Sha256(data);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

std::string HmacSha256Hex(std::string_view key, std::string_view data) {
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), Bytes(data), data.size(), out, &len);
  return HexEncode(std::string_view(reinterpret_cast<const char*>(out), len));
}

std::string HexEncode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string Base64UrlEncode(std::string_view bytes) {
  return EncodeBase64(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
Result<std::string> Base64UrlDecode(std::string_view text) {
  return DecodeBase64(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}
std::string Base64Encode(std::string_view bytes) {
  return EncodeBase64(bytes, sodium_base64_VARIANT_ORIGINAL);
}
Result<std::string> Base64Decode(std::string_view text) {
  return DecodeBase64(text, sodium_base64_VARIANT_ORIGINAL);
}

std::string RandomBytes(size_t count) {
  std::string out(count, '\0');
  randombytes_buf(out.data(), count);
  return out;
}

std::string RandomToken(size_t bytes) {
  return Base64UrlEncode(RandomBytes(bytes));
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string HashPassword(std::string_view password, PasswordCost cost) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.memory_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  std::string hash(encoded_hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

DataCipher::DataCipher(std::map<std::string, std::string> keys, std::string active,
                       std::string index_key)
    : keys_(std::move(keys)), active_(std::move(active)), index_key_(std::move(index_key)) {
  if (!keys_.contains(active_) ||
      keys_.at(active_).size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES) {
    throw std::invalid_argument("the active data key is missing or not 32 bytes");
  }
}

DataCipher::~DataCipher() {
  for (auto& [id, key] : keys_) {
    sodium_memzero(key.data(), key.size());
  }
  sodium_memzero(index_key_.data(), index_key_.size());
}

Result<std::unique_ptr<DataCipher>> DataCipher::FromKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Error::Internal("cannot read the data key file " + path);
  }
  std::map<std::string, std::string> keys;
  std::string active;
  std::string index_key;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') {
      continue;
    }
    auto colon = line.find(':');
    auto key = colon == std::string::npos ? Result<std::string>(Error::Internal("no colon"))
                                          : Base64Decode(line.substr(colon + 1));
    if (!key.ok() || key->size() != 32 || colon == 0) {
      return Error::Internal(path + ":" + std::to_string(line_no) +
                             ": expected <id>:<base64 of 32 bytes>");
    }
    std::string id = line.substr(0, colon);
    if (id.find('.') != std::string::npos) {
      return Error::Internal(path + ":" + std::to_string(line_no) + ": a key id may not hold '.'");
    }
    if (id == "index") {
      index_key = std::move(key.value());
    } else {
      keys[id] = std::move(key.value());
      active = id;
    }
  }
  if (active.empty() || index_key.empty()) {
    return Error::Internal(path + ": needs an 'index' key and at least one data key");
  }
  return std::make_unique<DataCipher>(std::move(keys), std::move(active), std::move(index_key));
}

Status DataCipher::CreateKeyFile(const std::string& path) {
  // O_EXCL through "wx": never overwrite keys that may already seal data.
  mode_t old_mask = umask(077);
  FILE* f = std::fopen(path.c_str(), "wx");
  umask(old_mask);
  if (!f) {
    return Error::Internal("cannot create the data key file " + path);
  }
  std::string text =
      "# Candor data keys. Back this file up: data sealed with a lost key is gone.\n"
      "index:" +
      Base64Encode(RandomBytes(32)) + "\n" + "k1:" + Base64Encode(RandomBytes(32)) + "\n";
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok = std::fclose(f) == 0 && ok;
  sodium_memzero(text.data(), text.size());
  if (!ok) {
    return Error::Internal("cannot write the data key file " + path);
  }
  return Ok{};
}

std::string DataCipher::Seal(std::string_view plaintext, std::string_view context) const {
  const std::string& key = keys_.at(active_);
  std::string box(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plaintext.size() +
                      crypto_aead_xchacha20poly1305_ietf_ABYTES,
                  '\0');
  auto* nonce = reinterpret_cast<uint8_t*>(box.data());
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &len, Bytes(plaintext),
      plaintext.size(), Bytes(context), context.size(), nullptr, nonce, Bytes(key));
  return std::string(kSealedPrefix) + active_ + "." + Base64UrlEncode(box);
}

Result<std::string> DataCipher::Open(std::string_view sealed, std::string_view context) const {
  if (!sealed.starts_with(kSealedPrefix)) {
    return Error::Internal("not a sealed value");
  }
  sealed.remove_prefix(kSealedPrefix.size());
  auto dot = sealed.find('.');
  if (dot == std::string_view::npos) {
    return Error::Internal("sealed value without key id");
  }
  auto key_it = keys_.find(std::string(sealed.substr(0, dot)));
  if (key_it == keys_.end()) {
    return Error::Internal("sealed with an unknown key id");
  }
  auto box = Base64UrlDecode(sealed.substr(dot + 1));
  constexpr size_t kOverhead =
      crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (!box.ok() || box->size() < kOverhead) {
    return Error::Internal("sealed value is truncated");
  }
  std::string plain(box->size() - kOverhead, '\0');
  unsigned long long len = 0;
  const uint8_t* nonce = Bytes(*box);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<uint8_t*>(plain.data()), &len, nullptr,
          nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
          box->size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, Bytes(context),
          context.size(), nonce, Bytes(key_it->second)) != 0) {
    return Error::Internal("sealed value failed authentication");
  }
  plain.resize(len);
  return plain;
}

std::string DataCipher::BlindIndex(std::string_view value, std::string_view context) const {
  std::string input(context);
  input += '\0';
  input += value;
  return HmacSha256Hex(index_key_, input);
}

}  // namespace candor::crypto
