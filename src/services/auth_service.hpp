#pragma once
// Sign-in, sessions, API keys and login throttling (PLT-1).
#include <array>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "common/result.hpp"
#include "services/context.hpp"

namespace candor::services {

struct LoginInput {
  std::string tenant;
  std::string email;
  std::string password;
};

struct LoginResult {
  std::string session_token;  ///< goes into the cookie; only its SHA-256 is stored
  Principal principal;
};

class AuthService {
 public:
  explicit AuthService(Deps deps);
  ~AuthService();

  Result<LoginResult> Login(const LoginInput& input, const Origin& origin);
  void Logout(const std::string& session_token, const Caller& caller);
  /// The principal behind a session cookie, or auth.required.
  Result<Principal> AuthenticateSession(const std::string& session_token);
  /// The principal behind "Authorization: Bearer ck_…", or auth.invalid_api_key.
  Result<Principal> AuthenticateApiKey(const std::string& api_key);
  /// Like the two above, but answers only from this node's cache and never blocks: nullopt when
  /// the database would have to be asked.
  /// The shared pointer spares a copy per request on the hot path.
  std::shared_ptr<const Principal> CachedSession(const std::string& session_token);
  std::shared_ptr<const Principal> CachedApiKey(const std::string& api_key);
  /// Forgets cached principals (after a user's role, state or password changes).
  void InvalidateCache();
  /// Removes expired sessions; returns how many.
  int PurgeExpiredSessions();

 private:
  struct Cached {
    std::shared_ptr<const Principal> principal;
    TimePoint expires_at;  ///< the session's own expiry
    TimePoint checked_at;  ///< when the database last confirmed it
  };
  struct Shard {
    std::shared_mutex mutex;
    std::unordered_map<std::string, Cached> entries;
  };
  struct Window {
    TimePoint start;
    int count = 0;
  };

  std::shared_ptr<const Principal> CacheGet(const std::string& key, TimePoint now);
  void CachePut(const std::string& key, Cached value);
  void CacheErase(const std::string& key);
  /// Counts an attempt from `ip`; returns seconds to wait when over the limit.
  int ThrottleWait(const std::string& ip, TimePoint now);

  Deps deps_;
  std::string dummy_hash_;  ///< verified against for unknown users, so timing reveals nothing
  std::array<Shard, 16> shards_;
  std::mutex throttle_mutex_;
  std::unordered_map<std::string, Window> throttle_;
};

}  // namespace candor::services
