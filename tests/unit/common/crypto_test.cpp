#include "common/crypto.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "support/test_db.hpp"

namespace candor::crypto {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class CryptoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { Initialize(); }
};

TEST_F(CryptoTest, Sha256KnownVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  auto raw = Sha256("abc");
  EXPECT_EQ(raw[0], 0xba);
  EXPECT_EQ(raw[31], 0xad);
}

TEST_F(CryptoTest, HmacSha256KnownVector) {
  // RFC 4231, test case 2.
  EXPECT_EQ(HmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_F(CryptoTest, HexEncode) {
  EXPECT_EQ(HexEncode(std::string("\x00\x0f\xf0\xff", 4)), "000ff0ff");
  EXPECT_EQ(HexEncode(""), "");
}

TEST_F(CryptoTest, Base64UrlIsUrlSafeAndUnpadded) {
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
  EXPECT_EQ(Base64UrlEncode(""), "");
}

TEST_F(CryptoTest, Base64UrlRoundTripsEveryByte) {
  std::string all;
  for (int i = 0; i < 256; ++i) {
    all += static_cast<char>(i);
  }
  for (size_t len : {0u, 1u, 2u, 3u, 4u, 255u, 256u}) {
    std::string bytes = all.substr(0, len);
    auto encoded = Base64UrlEncode(bytes);
    EXPECT_EQ(encoded.find_first_of("+/="), std::string::npos);
    auto decoded = Base64UrlDecode(encoded);
    ASSERT_TRUE(decoded.ok()) << len;
    EXPECT_EQ(*decoded, bytes);
  }
  auto standard = Base64Decode(Base64Encode(all));
  ASSERT_TRUE(standard.ok());
  EXPECT_EQ(*standard, all);
}

TEST_F(CryptoTest, Base64UrlRejectsInvalidInput) {
  EXPECT_FALSE(Base64UrlDecode("ab!c").ok());
  EXPECT_FALSE(Base64UrlDecode("+/8").ok());   // standard alphabet
  EXPECT_FALSE(Base64UrlDecode("-_8=").ok());  // padding
  EXPECT_FALSE(Base64UrlDecode("ab c").ok());
  EXPECT_FALSE(Base64Decode("-_8=").ok());
  EXPECT_FALSE(Base64Decode("QQ").ok());  // the padded variant needs its padding
  auto padded = Base64Decode("QQ==");
  ASSERT_TRUE(padded.ok());
  EXPECT_EQ(*padded, "A");
}

TEST_F(CryptoTest, RandomTokensAreDistinctAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    auto token = RandomToken(32);
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(token.find_first_of("+/="), std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(RandomBytes(17).size(), 17u);
}

TEST_F(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
  EXPECT_FALSE(ConstantTimeEquals("secret", ""));
}

constexpr PasswordCost kFast{1, 8 * 1024};

TEST_F(CryptoTest, PasswordHashVerifiesOnlyTheRightPassword) {
  auto hash = HashPassword("correct horse battery", kFast);
  EXPECT_THAT(hash, StartsWith("$argon2id$v=19$m=8,t=1,p=1$"));
  EXPECT_EQ(hash.find("correct horse"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse batter"));
  EXPECT_FALSE(VerifyPassword(hash, "Correct horse battery"));
  EXPECT_FALSE(VerifyPassword(hash, ""));
}

TEST_F(CryptoTest, PasswordHashesAreSaltedAndHandleChinese) {
  auto a = HashPassword("密码是十二个字符长长长", kFast);
  auto b = HashPassword("密码是十二个字符长长长", kFast);
  EXPECT_NE(a, b);
  EXPECT_TRUE(VerifyPassword(a, "密码是十二个字符长长长"));
  EXPECT_TRUE(VerifyPassword(b, "密码是十二个字符长长长"));
  EXPECT_FALSE(VerifyPassword(a, "密码是十二个字符长长"));
}

TEST_F(CryptoTest, VerifyRejectsMalformedHashes) {
  EXPECT_FALSE(VerifyPassword("", "password"));
  EXPECT_FALSE(VerifyPassword("not a hash", "not a hash"));
  auto hash = HashPassword("password1234", kFast);
  EXPECT_FALSE(VerifyPassword(hash.substr(0, hash.size() - 4), "password1234"));
  EXPECT_FALSE(VerifyPassword("$argon2id$v=19$m=8,t=1,p=1$", "password1234"));
}

// Key files written by hand, as an operator would rotate keys.
class KeyFileTest : public CryptoTest {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir("candor-keys"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }
  std::unique_ptr<DataCipher> Load(const std::string& path) {
    auto cipher = DataCipher::FromKeyFile(path);
    EXPECT_TRUE(cipher.ok()) << (cipher.ok() ? "" : cipher.error().internal);
    return cipher.ok() ? std::move(cipher.value()) : nullptr;
  }
  std::string LoadError(const std::string& path) {
    auto cipher = DataCipher::FromKeyFile(path);
    EXPECT_FALSE(cipher.ok());
    return cipher.ok() ? "" : cipher.error().internal;
  }

  std::string dir_;
  const std::string index_ = Base64Encode(RandomBytes(32));
  const std::string k1_ = Base64Encode(RandomBytes(32));
  const std::string k2_ = Base64Encode(RandomBytes(32));
};

TEST_F(KeyFileTest, SealOpenRoundTrip) {
  auto cipher = Load(Write("data.keys", "index:" + index_ + "\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(cipher);
  EXPECT_EQ(cipher->active_key_id(), "k1");
  for (std::string text : {std::string("alice@example.com"), std::string("张伟 (面试官)"),
                           std::string(), std::string("a\0b", 3), std::string(5000, 'x')}) {
    auto sealed = cipher->Seal(text, "tenant-1:users.name");
    EXPECT_THAT(sealed, StartsWith("v1.k1."));
    if (!text.empty()) {
      EXPECT_EQ(sealed.find(text), std::string::npos);
    }
    auto opened = cipher->Open(sealed, "tenant-1:users.name");
    ASSERT_TRUE(opened.ok()) << opened.error().internal;
    EXPECT_EQ(*opened, text);
  }
}

TEST_F(KeyFileTest, SameTextSealsDifferentlyEachTime) {
  auto cipher = Load(Write("data.keys", "index:" + index_ + "\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(cipher);
  EXPECT_NE(cipher->Seal("bob@example.com", "t:users.email"),
            cipher->Seal("bob@example.com", "t:users.email"));
}

TEST_F(KeyFileTest, WrongContextDoesNotOpen) {
  auto cipher = Load(Write("data.keys", "index:" + index_ + "\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(cipher);
  auto sealed = cipher->Seal("bob@example.com", "tenant-a:users.email");
  EXPECT_FALSE(cipher->Open(sealed, "tenant-b:users.email").ok());
  EXPECT_FALSE(cipher->Open(sealed, "tenant-a:users.name").ok());
  EXPECT_FALSE(cipher->Open(sealed, "").ok());
}

TEST_F(KeyFileTest, TamperedCiphertextDoesNotOpen) {
  auto cipher = Load(Write("data.keys", "index:" + index_ + "\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(cipher);
  auto sealed = cipher->Seal("bob@example.com", "t:users.email");
  // Flip one character in the nonce, in the ciphertext and in the tag.
  for (size_t pos : {sealed.size() - 60, sealed.size() - 30, sealed.size() - 2}) {
    std::string tampered = sealed;
    tampered[pos] = tampered[pos] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(cipher->Open(tampered, "t:users.email").ok()) << pos;
  }
  EXPECT_FALSE(cipher->Open(sealed.substr(0, sealed.size() - 4), "t:users.email").ok());
  EXPECT_FALSE(cipher->Open("v1.k1.", "t:users.email").ok());
  EXPECT_FALSE(cipher->Open("v1.k1.!!!!", "t:users.email").ok());
  EXPECT_FALSE(cipher->Open("v1.k1", "t:users.email").ok());
  EXPECT_FALSE(cipher->Open(sealed.substr(3), "t:users.email").ok());
  EXPECT_FALSE(cipher->Open("bob@example.com", "t:users.email").ok());
  EXPECT_FALSE(cipher->Open("", "t:users.email").ok());
}

TEST_F(KeyFileTest, UnknownKeyIdDoesNotOpen) {
  auto cipher = Load(Write("data.keys", "index:" + index_ + "\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(cipher);
  auto sealed = cipher->Seal("bob@example.com", "t:users.email");
  std::string renamed = "v1.k9." + sealed.substr(6);
  auto opened = cipher->Open(renamed, "t:users.email");
  ASSERT_FALSE(opened.ok());
  EXPECT_THAT(opened.error().internal, HasSubstr("unknown key id"));
}

TEST_F(KeyFileTest, ValueSealedWithAnotherFilesKeyDoesNotOpen) {
  auto mine = Load(Write("a.keys", "index:" + index_ + "\nk1:" + k1_ + "\n"));
  auto theirs = Load(Write("b.keys", "index:" + index_ + "\nk1:" + k2_ + "\n"));
  ASSERT_TRUE(mine && theirs);
  EXPECT_FALSE(mine->Open(theirs->Seal("x", "c"), "c").ok());
}

TEST_F(KeyFileTest, RotationSealsWithTheNewKeyAndOpensOldData) {
  auto before = Load(Write("data.keys", "index:" + index_ + "\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(before);
  auto old_sealed = before->Seal("李娜", "t:users.name");

  auto after = Load(
      Write("rotated.keys", "# rotated\nindex:" + index_ + "\nk1:" + k1_ + "\n\nk2:" + k2_ + "\n"));
  ASSERT_TRUE(after);
  EXPECT_EQ(after->active_key_id(), "k2");
  auto new_sealed = after->Seal("李娜", "t:users.name");
  EXPECT_THAT(new_sealed, StartsWith("v1.k2."));
  auto old_opened = after->Open(old_sealed, "t:users.name");
  ASSERT_TRUE(old_opened.ok());
  EXPECT_EQ(*old_opened, "李娜");
  auto new_opened = after->Open(new_sealed, "t:users.name");
  ASSERT_TRUE(new_opened.ok());
  EXPECT_EQ(*new_opened, "李娜");
  // A node that has not got the new key yet cannot open the new data, and says why.
  EXPECT_FALSE(before->Open(new_sealed, "t:users.name").ok());
  // Rotating data keys keeps the blind index, so logins keep working.
  EXPECT_EQ(before->BlindIndex("a@b.co", "t:users.email"),
            after->BlindIndex("a@b.co", "t:users.email"));
}

TEST_F(KeyFileTest, BlindIndexIsStableAndBoundToContext) {
  auto path = Write("data.keys", "index:" + index_ + "\nk1:" + k1_ + "\n");
  auto a = Load(path);
  auto b = Load(path);
  ASSERT_TRUE(a && b);
  auto digest = a->BlindIndex("bob@example.com", "t1:users.email");
  EXPECT_EQ(digest.size(), 64u);
  EXPECT_EQ(digest, a->BlindIndex("bob@example.com", "t1:users.email"));
  EXPECT_EQ(digest, b->BlindIndex("bob@example.com", "t1:users.email"));
  EXPECT_NE(digest, a->BlindIndex("bob@example.com", "t2:users.email"));
  EXPECT_NE(digest, a->BlindIndex("bob@example.co", "t1:users.email"));
  EXPECT_EQ(digest.find("bob"), std::string::npos);
  // The context and the value are kept apart: moving a character across does not collide.
  EXPECT_NE(a->BlindIndex("ab", "c"), a->BlindIndex("b", "ca"));

  auto other = Load(Write("other.keys", "index:" + k2_ + "\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(other);
  EXPECT_NE(digest, other->BlindIndex("bob@example.com", "t1:users.email"));
}

TEST_F(KeyFileTest, CommentsAndBlankLinesAreSkipped) {
  auto cipher = Load(Write("data.keys", "# keys\n\nindex:" + index_ + "\n# old\nk1:" + k1_ + "\n"));
  ASSERT_TRUE(cipher);
  EXPECT_EQ(cipher->active_key_id(), "k1");
}

TEST_F(KeyFileTest, MissingFileIsNamed) {
  EXPECT_THAT(LoadError(dir_ + "/absent.keys"), HasSubstr("absent.keys"));
}

TEST_F(KeyFileTest, MissingIndexKeyIsAnError) {
  EXPECT_THAT(LoadError(Write("data.keys", "k1:" + k1_ + "\n")), HasSubstr("'index' key"));
}

TEST_F(KeyFileTest, MissingDataKeyIsAnError) {
  EXPECT_THAT(LoadError(Write("data.keys", "index:" + index_ + "\n")), HasSubstr("data key"));
}

TEST_F(KeyFileTest, EmptyFileIsAnError) {
  EXPECT_THAT(LoadError(Write("data.keys", "")), HasSubstr("'index' key"));
}

TEST_F(KeyFileTest, BadBase64NamesTheLine) {
  auto message = LoadError(Write("data.keys", "index:" + index_ + "\nk1:not*base64*at*all*\n"));
  EXPECT_THAT(message, HasSubstr("data.keys:2"));
  EXPECT_THAT(message, HasSubstr("base64 of 32 bytes"));
}

TEST_F(KeyFileTest, WrongKeyLengthNamesTheLine) {
  auto message = LoadError(
      Write("data.keys", "index:" + index_ + "\n\nk1:" + Base64Encode(RandomBytes(16)) + "\n"));
  EXPECT_THAT(message, HasSubstr("data.keys:3"));
  EXPECT_THAT(LoadError(Write("long.keys",
                              "index:" + Base64Encode(RandomBytes(33)) + "\nk1:" + k1_ + "\n")),
              HasSubstr("long.keys:1"));
}

TEST_F(KeyFileTest, LineWithoutColonOrIdIsAnError) {
  EXPECT_THAT(LoadError(Write("a.keys", "index:" + index_ + "\nk1 " + k1_ + "\n")),
              HasSubstr("a.keys:2"));
  EXPECT_THAT(LoadError(Write("b.keys", "index:" + index_ + "\n:" + k1_ + "\n")),
              HasSubstr("b.keys:2"));
}

TEST_F(KeyFileTest, KeyIdWithDotIsAnError) {
  // The id is written into every ciphertext between dots.
  EXPECT_THAT(LoadError(Write("data.keys", "index:" + index_ + "\nk.1:" + k1_ + "\n")),
              HasSubstr("may not hold '.'"));
}

TEST_F(KeyFileTest, CreateKeyFileWritesAPrivateUsableFile) {
  std::string path = dir_ + "/data.keys";
  ASSERT_TRUE(DataCipher::CreateKeyFile(path).ok());
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto cipher = Load(path);
  ASSERT_TRUE(cipher);
  EXPECT_EQ(cipher->active_key_id(), "k1");
  auto opened = cipher->Open(cipher->Seal("王芳", "c"), "c");
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "王芳");
}

TEST_F(KeyFileTest, CreateKeyFileRefusesToOverwrite) {
  std::string path = dir_ + "/data.keys";
  ASSERT_TRUE(DataCipher::CreateKeyFile(path).ok());
  std::ifstream first(path);
  std::stringstream before;
  before << first.rdbuf();

  auto again = DataCipher::CreateKeyFile(path);
  ASSERT_FALSE(again.ok());
  EXPECT_THAT(again.error().internal, HasSubstr(path));
  std::ifstream second(path);
  std::stringstream after;
  after << second.rdbuf();
  EXPECT_EQ(before.str(), after.str());
}

TEST_F(KeyFileTest, CreateKeyFileMakesDifferentKeysEachTime) {
  ASSERT_TRUE(DataCipher::CreateKeyFile(dir_ + "/a.keys").ok());
  ASSERT_TRUE(DataCipher::CreateKeyFile(dir_ + "/b.keys").ok());
  auto a = Load(dir_ + "/a.keys");
  auto b = Load(dir_ + "/b.keys");
  ASSERT_TRUE(a && b);
  EXPECT_FALSE(b->Open(a->Seal("x", "c"), "c").ok());
  EXPECT_NE(a->BlindIndex("x", "c"), b->BlindIndex("x", "c"));
}

TEST_F(KeyFileTest, CreateKeyFileInMissingFolderFails) {
  EXPECT_FALSE(DataCipher::CreateKeyFile(dir_ + "/no/such/folder/data.keys").ok());
}

}  // namespace
}  // namespace candor::crypto
