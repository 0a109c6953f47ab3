#include "app/runtime.hpp"

#include <filesystem>

#include "common/log.hpp"
#include "storage/migrations.hpp"

namespace candor::app {

Runtime::Runtime(Config config, const Clock* clock)
    : config_(std::move(config)), clock_(clock ? *clock : system_clock_) {}

Runtime::~Runtime() = default;

Result<std::unique_ptr<Runtime>> Runtime::Create(const Config& config, const Clock* clock) {
  crypto::Initialize();
  std::unique_ptr<Runtime> rt(new Runtime(config, clock));
  const auto& keys = config.security.data_keys_file;
  std::error_code ec;
  if (!std::filesystem::exists(keys, ec)) {
    auto dir = std::filesystem::path(keys).parent_path();
    if (!dir.empty()) {
      std::filesystem::create_directories(dir, ec);
    }
    if (auto created = crypto::DataCipher::CreateKeyFile(keys); !created.ok()) {
      return created.error();
    }
    log::Warn("created new data keys; back this file up", {{"file", std::string_view(keys)}});
  }
  auto cipher = crypto::DataCipher::FromKeyFile(keys);
  if (!cipher.ok()) {
    return Error::Internal("setting security.data_keys_file: " + cipher.error().internal);
  }
  rt->cipher_ = std::move(cipher.value());
  auto db = storage::Database::Open(config.database.url, config.database.pool_size);
  if (!db.ok()) {
    return Error::Internal("setting database.url: " + db.error().internal);
  }
  rt->db_ = std::move(db.value());

  services::Deps deps{*rt->db_, *rt->cipher_, rt->clock_, config.security};
  rt->auth_ = std::make_unique<services::AuthService>(deps);
  rt->users_ = std::make_unique<services::UserService>(deps, *rt->auth_);
  rt->api_keys_ = std::make_unique<services::ApiKeyService>(deps, *rt->auth_);
  rt->audit_ = std::make_unique<services::AuditService>(deps);
  rt->tenants_ = std::make_unique<services::TenantService>(deps);
  rt->api_ = std::make_unique<api::ApiServices>(api::ApiServices{
      *rt->db_, *rt->auth_, *rt->users_, *rt->api_keys_, *rt->audit_, *rt->tenants_, rt->metrics_,
      config.server.tls() || config.server.public_url.starts_with("https://"),
      config.security.session_ttl_hours});
  api::RegisterRoutes(rt->router_, *rt->api_);
  return rt;
}

Status Runtime::Migrate() {
  auto report = storage::Migrate(*db_);
  if (!report.ok()) {
    return report.error();
  }
  log::Info("database schema ready", {{"database", std::string_view(db_->display_url())},
                                      {"version", static_cast<long long>(report->to_version)},
                                      {"applied", static_cast<long long>(report->applied.size())}});
  return Ok{};
}

std::unique_ptr<http::Server> Runtime::MakeServer(bool handle_signals) {
  files_ = http::StaticFiles::Load(config_.server.static_dir);
  const auto& s = config_.server;
  http::ServerOptions options;
  options.host = s.host;
  options.port = s.port;
  options.io_threads = s.io_threads;
  options.worker_threads = s.worker_threads;
  options.max_header_bytes = s.max_header_bytes;
  options.max_body_bytes = s.max_body_bytes;
  options.read_timeout_seconds = s.read_timeout_seconds;
  options.idle_timeout_seconds = s.idle_timeout_seconds;
  options.shutdown_grace_seconds = s.shutdown_grace_seconds;
  options.tls_cert_file = s.tls_cert_file;
  options.tls_key_file = s.tls_key_file;
  options.access_log = config_.log.access;
  options.handle_signals = handle_signals;
  return std::make_unique<http::Server>(options, router_, files_, metrics_);
}

}  // namespace candor::app
