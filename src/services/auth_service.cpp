#include "services/auth_service.hpp"

#include <soci/soci.h>

#include <functional>

#include "common/crypto.hpp"
#include "common/log.hpp"
#include "services/audit_service.hpp"
#include "services/principal_loader.hpp"
#include "storage/database.hpp"
#include "storage/records.hpp"

namespace candor::services {
namespace {

// How long a cached session is trusted before the database is asked again: bounds how late a
// logout or role change made on another node takes effect here.
constexpr auto kRecheckAfter = std::chrono::seconds(10);
constexpr size_t kMaxCachedPerShard = 50000;
constexpr std::string_view kApiKeyPrefix = "ck_";

crypto::PasswordCost CostOf(const SecurityConfig& security) {
  return {2, static_cast<size_t>(security.argon2_memory_kib) * 1024};
}

}  // namespace

AuthService::AuthService(Deps deps)
    : deps_(deps),
      dummy_hash_(crypto::HashPassword(crypto::RandomToken(), CostOf(deps.security))) {}

AuthService::~AuthService() = default;

int AuthService::ThrottleWait(const std::string& ip, TimePoint now) {
  std::lock_guard lock(throttle_mutex_);
  if (throttle_.size() > 100000) {
    throttle_.clear();  // an address flood: forget rather than grow without bound
  }
  Window& w = throttle_[ip];
  if (now - w.start >= std::chrono::minutes(1)) {
    w.start = now;
    w.count = 0;
  }
  if (++w.count > deps_.security.login_attempts_per_minute) {
    auto left =
        std::chrono::duration_cast<std::chrono::seconds>(w.start + std::chrono::minutes(1) - now);
    return std::max(1, static_cast<int>(left.count()));
  }
  return 0;
}

Result<LoginResult> AuthService::Login(const LoginInput& input, const Origin& origin) {
  TimePoint now = deps_.clock.Now();
  if (int wait = ThrottleWait(origin.ip, now)) {
    Error e = Error::Of("auth.throttled", std::to_string(wait));
    e.retry_after_seconds = wait;
    return e;
  }
  soci::session sql(deps_.db.pool());
  auto tenant = storage::FindTenantBySlug(sql, input.tenant);
  std::optional<storage::UserRow> user;
  if (tenant) {
    user = storage::FindUserByEmailIndex(
        sql, tenant->id,
        deps_.cipher.BlindIndex(NormaliseEmail(input.email),
                                SealContext(tenant->id, "users.email")));
  }
  if (!user) {
    crypto::VerifyPassword(dummy_hash_, input.password);
    return Error::Of("auth.invalid_credentials");
  }
  auto audit = [&](std::string_view action, const std::string& change) {
    RecordAudit(sql, deps_.db.dialect(), deps_.clock,
                {tenant->id, user->id, std::string(action), "user", user->id, change, origin});
  };
  if (user->locked_until) {
    auto until = ParseTime(*user->locked_until);
    if (until && *until > now) {
      int secs =
          static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(*until - now).count());
      Error e = Error::Of("auth.locked", std::to_string((secs + 59) / 60));
      e.retry_after_seconds = secs;
      return e;
    }
  }
  bool password_ok = crypto::VerifyPassword(user->password_hash, input.password);
  std::string now_text = FormatTime(now);
  if (!password_ok) {
    storage::WriteTransaction tx(sql, deps_.db.dialect());
    // Re-read inside the transaction so concurrent failures all count.
    auto fresh = storage::FindUserById(sql, tenant->id, user->id);
    fresh->failed_logins += 1;
    fresh->updated_at = now_text;
    bool lock = fresh->failed_logins >= deps_.security.login_max_failures;
    if (lock) {
      fresh->locked_until = FormatTime(now + std::chrono::minutes(deps_.security.lockout_minutes));
      fresh->failed_logins = 0;
    }
    storage::UpdateUser(sql, *fresh);
    audit(lock ? "user.locked" : "user.login_failed", "{}");
    tx.Commit();
    if (lock) {
      Error e = Error::Of("auth.locked", std::to_string(deps_.security.lockout_minutes));
      e.retry_after_seconds = deps_.security.lockout_minutes * 60;
      return e;
    }
    return Error::Of("auth.invalid_credentials");
  }
  if (user->disabled) {
    return Error::Of("auth.disabled");
  }

  LoginResult result;
  result.session_token = crypto::RandomToken(32);
  storage::SessionRow session;
  session.token_hash = crypto::Sha256Hex(result.session_token);
  session.tenant_id = tenant->id;
  session.user_id = user->id;
  session.csrf_token = crypto::RandomToken(24);
  session.created_at = now_text;
  TimePoint expires = now + std::chrono::hours(deps_.security.session_ttl_hours);
  session.expires_at = FormatTime(expires);
  session.ip = origin.ip;
  {
    storage::WriteTransaction tx(sql, deps_.db.dialect());
    if (user->failed_logins != 0 || user->locked_until) {
      user->failed_logins = 0;
      user->locked_until.reset();
      user->updated_at = now_text;
      storage::UpdateUser(sql, *user);
    }
    storage::InsertSession(sql, session);
    audit("user.login", "{}");
    tx.Commit();
  }
  result.principal = MakePrincipal(deps_.cipher, *tenant, *user);
  result.principal.csrf_token = session.csrf_token;
  CachePut(session.token_hash, {std::make_shared<const Principal>(result.principal), expires, now});
  return result;
}

void AuthService::Logout(const std::string& session_token, const Caller& caller) {
  std::string hash = crypto::Sha256Hex(session_token);
  CacheErase(hash);
  soci::session sql(deps_.db.pool());
  storage::WriteTransaction tx(sql, deps_.db.dialect());
  storage::DeleteSession(sql, hash);
  RecordAudit(sql, deps_.db.dialect(), deps_.clock,
              {caller.principal.tenant_id, caller.principal.user_id, "user.logout", "user",
               caller.principal.user_id, "{}", caller.origin});
  tx.Commit();
}

Result<Principal> AuthService::AuthenticateSession(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 128) {
    return Error::Of("auth.required");
  }
  TimePoint now = deps_.clock.Now();
  std::string hash = crypto::Sha256Hex(session_token);
  if (auto cached = CacheGet(hash, now)) {
    return *cached;
  }
  soci::session sql(deps_.db.pool());
  auto session = storage::FindSession(sql, hash);
  if (!session) {
    return Error::Of("auth.required");
  }
  auto expires = ParseTime(session->expires_at);
  auto user = storage::FindUserById(sql, session->tenant_id, session->user_id);
  auto tenant = storage::FindTenantById(sql, session->tenant_id);
  if (!expires || *expires <= now || !user || user->disabled || !tenant) {
    storage::DeleteSession(sql, hash);
    return Error::Of("auth.required");
  }
  Principal p = MakePrincipal(deps_.cipher, *tenant, *user);
  p.csrf_token = session->csrf_token;
  CachePut(hash, {std::make_shared<const Principal>(p), *expires, now});
  return p;
}

Result<Principal> AuthService::AuthenticateApiKey(const std::string& api_key) {
  if (!api_key.starts_with(kApiKeyPrefix) || api_key.size() > 128) {
    return Error::Of("auth.invalid_api_key");
  }
  TimePoint now = deps_.clock.Now();
  std::string key = "k:" + crypto::Sha256Hex(api_key);
  if (auto cached = CacheGet(key, now)) {
    return *cached;
  }
  soci::session sql(deps_.db.pool());
  auto row = storage::FindApiKeyBySecretHash(sql, key.substr(2));
  if (!row || row->revoked_at) {
    return Error::Of("auth.invalid_api_key");
  }
  auto tenant = storage::FindTenantById(sql, row->tenant_id);
  if (!tenant) {
    return Error::Of("auth.invalid_api_key");
  }
  storage::TouchApiKey(sql, row->id, FormatTime(now));
  Principal p;
  p.tenant_id = tenant->id;
  p.tenant_slug = tenant->slug;
  p.tenant_name = tenant->name;
  p.user_id = row->created_by;
  p.display_name = row->name;
  p.role = domain::ParseRole(row->role).value_or(domain::Role::kIntegration);
  p.api_key_id = row->id;
  CachePut(key, {std::make_shared<const Principal>(p), TimePoint::max(), now});
  return p;
}

std::shared_ptr<const Principal> AuthService::CachedSession(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 128) {
    return nullptr;
  }
  return CacheGet(crypto::Sha256Hex(session_token), deps_.clock.Now());
}

std::shared_ptr<const Principal> AuthService::CachedApiKey(const std::string& api_key) {
  if (!api_key.starts_with(kApiKeyPrefix) || api_key.size() > 128) {
    return nullptr;
  }
  return CacheGet("k:" + crypto::Sha256Hex(api_key), deps_.clock.Now());
}

void AuthService::InvalidateCache() {
  for (auto& shard : shards_) {
    std::unique_lock lock(shard.mutex);
    shard.entries.clear();
  }
}

int AuthService::PurgeExpiredSessions() {
  soci::session sql(deps_.db.pool());
  return storage::DeleteExpiredSessions(sql, FormatTime(deps_.clock.Now()));
}

std::shared_ptr<const Principal> AuthService::CacheGet(const std::string& key, TimePoint now) {
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  std::shared_lock lock(shard.mutex);
  auto it = shard.entries.find(key);
  if (it == shard.entries.end() || now >= it->second.expires_at ||
      now - it->second.checked_at >= kRecheckAfter) {
    return nullptr;
  }
  return it->second.principal;
}

void AuthService::CachePut(const std::string& key, Cached value) {
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  std::unique_lock lock(shard.mutex);
  if (shard.entries.size() >= kMaxCachedPerShard) {
    shard.entries.clear();
  }
  shard.entries.insert_or_assign(key, std::move(value));
}

void AuthService::CacheErase(const std::string& key) {
  Shard& shard = shards_[std::hash<std::string>{}(key) % shards_.size()];
  std::unique_lock lock(shard.mutex);
  shard.entries.erase(key);
}

}  // namespace candor::services
