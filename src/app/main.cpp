// candor: the one binary. Subcommands: serve, migrate, admin, demo, audit verify, routes.
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/runtime.hpp"
#include "common/log.hpp"
#include "common/messages.hpp"
#include "services/tenant_service.hpp"
#include "storage/migrations.hpp"

namespace {

using candor::Config;
using candor::app::Runtime;

// Exit codes: 0 done, 1 failed, 2 bad configuration or arguments, 3 audit chain broken.
constexpr int kFailed = 1;
constexpr int kBadConfig = 2;
constexpr int kChainBroken = 3;

std::optional<Config> LoadConfigOrReport(const std::string& config_path) {
  std::optional<std::string> path;
  if (!config_path.empty()) {
    path = config_path;
  } else if (auto env = candor::ProcessEnv("CANDOR_CONFIG")) {
    path = *env;
  } else if (std::filesystem::exists("candor.toml")) {
    path = "candor.toml";
  }
  auto config = candor::LoadConfig(path, candor::ProcessEnv);
  if (!config.ok()) {
    std::cerr << "candor: configuration error: " << config.error().internal << "\n";
    return std::nullopt;
  }
  candor::log::Initialize(config->log.level, config->log.format);
  return config.value();
}

std::unique_ptr<Runtime> Boot(const Config& config, bool migrate) {
  auto rt = Runtime::Create(config);
  if (!rt.ok()) {
    std::cerr << "candor: " << rt.error().internal << "\n";
    return nullptr;
  }
  if (migrate) {
    if (auto m = rt.value()->Migrate(); !m.ok()) {
      std::cerr << "candor: " << m.error().internal << "\n";
      return nullptr;
    }
  }
  return std::move(rt.value());
}

std::string Describe(const candor::Error& e) {
  std::string text = e.code;
  for (const auto& f : e.fields) {
    text += "; " + f.field + ": " + candor::FieldMessage(f, candor::Locale::kEnUs);
  }
  if (!e.internal.empty()) {
    text += " (" + e.internal + ")";
  }
  return text;
}

// Serves until SIGTERM/SIGINT, purging expired sessions in the background.
int Serve(Runtime& rt, const std::function<void(const std::string& url)>& on_ready) {
  auto server = rt.MakeServer();
  uint16_t port = 0;
  try {
    port = server->Listen();
  } catch (const std::exception& e) {
    std::cerr << "candor: cannot listen on " << rt.config().server.host << ":"
              << rt.config().server.port << ": " << e.what() << "\n";
    return kFailed;
  }
  const auto& s = rt.config().server;
  std::string url = std::string(s.tls() ? "https://" : "http://") +
                    (s.host == "0.0.0.0" ? "localhost" : s.host) + ":" + std::to_string(port);
  candor::log::Info("listening", {{"url", std::string_view(url)}});
  on_ready(url);

  std::mutex mutex;
  std::condition_variable wake;
  bool done = false;
  std::thread janitor([&] {
    std::unique_lock lock(mutex);
    while (!wake.wait_for(lock, std::chrono::minutes(10), [&] { return done; })) {
      try {
        rt.auth().PurgeExpiredSessions();
      } catch (const std::exception& e) {
        candor::log::Warn("session purge failed", {{"error", std::string_view(e.what())}});
      }
    }
  });
  server->Run();
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  wake.notify_all();
  janitor.join();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Candor: AI interviews and hiring, self-hosted"};
  cli.require_subcommand(1);
  std::string config_path;
  cli.add_option("-c,--config", config_path,
                 "TOML configuration file (default: candor.toml if present)");

  auto* serve = cli.add_subcommand("serve", "Migrate the database and serve the API and web app");
  auto* migrate = cli.add_subcommand("migrate", "Apply pending database migrations");
  auto* demo = cli.add_subcommand("demo", "Create the demo organisation and its users, then serve");
  auto* routes = cli.add_subcommand("routes", "Print every API route, one 'METHOD /path' a line");
  auto* admin = cli.add_subcommand("admin", "Administration");
  admin->require_subcommand(1);
  std::string slug, name, email, role, password, locale = "zh-CN";
  bool password_stdin = false;
  auto* create_tenant = admin->add_subcommand("create-tenant", "Create an organisation");
  create_tenant->add_option("--slug", slug, "short name used at sign-in (a-z, 0-9, -)")->required();
  create_tenant->add_option("--name", name, "display name")->required();
  auto* create_user = admin->add_subcommand("create-user", "Create a user in an organisation");
  create_user->add_option("--tenant", slug, "the organisation's short name")->required();
  create_user->add_option("--email", email)->required();
  create_user->add_option("--name", name, "display name")->required();
  create_user
      ->add_option("--role", role, "owner|recruiter|hiring_manager|interviewer|finance|integration")
      ->required();
  create_user->add_option("--locale", locale, "zh-CN or en-US");
  create_user->add_flag("--password-stdin", password_stdin,
                        "read the password from standard input");
  auto* audit = cli.add_subcommand("audit", "The audit trail");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check every organisation's hash chain");

  CLI11_PARSE(cli, argc, argv);

  auto config = LoadConfigOrReport(config_path);
  if (!config) {
    return kBadConfig;
  }

  if (*routes) {
    // Route listing needs no real database: an in-memory one wires the same table.
    candor::log::Initialize("off", "text");
    Config c = *config;
    c.database.url = "sqlite://:memory:";
    c.database.pool_size = 1;
    c.security.data_keys_file = (std::filesystem::temp_directory_path() /
                                 ("candor-routes-" + std::to_string(::getpid()) + ".keys"))
                                    .string();
    auto rt = Boot(c, false);
    std::filesystem::remove(c.security.data_keys_file);
    if (!rt) {
      return kFailed;
    }
    for (const auto& r : rt->router().routes()) {
      std::cout << r.method << " " << r.pattern << "\n";
    }
    return 0;
  }

  auto rt = Boot(*config, true);
  if (!rt) {
    return kFailed;
  }
  if (*migrate) {
    std::cout << "database is at schema version " << candor::storage::SchemaVersion(rt->db())
              << "\n";
    return 0;
  }
  if (*serve) {
    return Serve(*rt, [](const std::string& url) {
      std::cout << "Candor is running at " << url << std::endl;
    });
  }
  if (*demo) {
    auto logins = candor::services::SeedDemo(rt->tenants(), rt->users());
    if (!logins.ok()) {
      std::cerr << "candor: demo: " << Describe(logins.error()) << "\n";
      return kFailed;
    }
    return Serve(*rt, [&](const std::string& url) {
      std::cout << "\nCandor is running at " << url << "\n\n"
                << "Demo organisation: " << candor::services::kDemoTenant
                << "    password for every demo user: " << candor::services::kDemoPassword << "\n";
      for (const auto& l : logins.value()) {
        std::cout << "  " << l.email << "  (" << l.role << ")\n";
      }
      std::cout << "\nStop with Ctrl+C." << std::endl;
    });
  }
  if (*create_tenant) {
    auto t = rt->tenants().Create(slug, name);
    if (!t.ok()) {
      std::cerr << "candor: " << Describe(t.error()) << "\n";
      return kFailed;
    }
    std::cout << "created organisation " << t->slug << " (" << t->id << ")\n";
    return 0;
  }
  if (*create_user) {
    auto tenant = rt->tenants().FindBySlug(slug);
    if (!tenant) {
      std::cerr << "candor: no organisation with short name '" << slug << "'\n";
      return kFailed;
    }
    if (password_stdin) {
      std::getline(std::cin, password);
    } else {
      std::cerr << "candor: pass the password on standard input with --password-stdin\n";
      return kBadConfig;
    }
    auto u = rt->users().CreateAsSystem(tenant->id, {email, name, role, password, locale});
    if (!u.ok()) {
      std::cerr << "candor: " << Describe(u.error()) << "\n";
      return kFailed;
    }
    std::cout << "created user " << u->email << " (" << u->role << ")\n";
    return 0;
  }
  if (*verify) {
    int broken = 0;
    auto ids = rt->tenants().AllTenantIds();
    for (const auto& id : ids) {
      auto report = rt->audit().Verify(id);
      if (report.ok) {
        std::cout << "tenant " << id << ": ok, " << report.checked << " entries\n";
      } else {
        ++broken;
        std::cout << "tenant " << id << ": BROKEN at entry " << report.first_broken_seq.value_or(0)
                  << ": " << report.reason << "\n";
      }
    }
    std::cout << (broken ? "audit trail: " + std::to_string(broken) + " broken chain(s)\n"
                         : "audit trail: all " + std::to_string(ids.size()) + " chain(s) intact\n");
    return broken ? kChainBroken : 0;
  }
  return 0;
}
