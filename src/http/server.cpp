#include "http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <list>
#include <mutex>
#include <random>
#include <thread>

#include "common/crypto.hpp"
#include "common/log.hpp"
#include "http/metrics.hpp"
#include "http/problem.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace candor::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

namespace {

constexpr auto kWriteTimeout = std::chrono::seconds(30);

// The browser may only load what this server serves; the app needs inline styles (Ant Design's
// CSS-in-JS) but no inline scripts, and may not be framed.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; media-src 'self' "
    "blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  uint64_t v = rng();
  for (char& c : id) {
    c = kHex[v & 15];
    v >>= 4;
  }
  return id;
}

bool IsAcceptableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) {
    return false;
  }
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      return false;
    }
  }
  return true;
}

// One open connection, known to the server so that a shutdown can close it while it waits.
struct Connection {
  beast::tcp_stream* stream = nullptr;  // null once the connection's coroutine has finished
  bool busy = false;                    // a request is being handled or answered
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions o, const Router& r, const StaticFiles& f, Metrics& m)
      : options(std::move(o)),
        router(r),
        files(f),
        metrics(m),
        acceptor(io),
        workers(static_cast<size_t>(options.worker_threads)),
        ssl(asio::ssl::context::tls_server) {}

  ServerOptions options;
  const Router& router;
  const StaticFiles& files;
  Metrics& metrics;
  // One event loop per I/O thread, each connection pinned to one of them: a connection's
  // coroutine never runs on two threads, so it needs no strand. `io` (the first) also accepts.
  asio::io_context io;
  std::vector<std::unique_ptr<asio::io_context>> more_io;
  size_t next_io = 0;
  asio::io_context& NextContext() {
    size_t i = next_io++ % (more_io.size() + 1);
    return i == 0 ? io : *more_io[i - 1];
  }
  void StopAll() {
    io.stop();
    for (auto& c : more_io) {
      // Stopped from its own thread: a stop() from outside can race with a loop just starting.
      asio::post(*c, [context = c.get()] { context->stop(); });
    }
  }
  tcp::acceptor acceptor;
  asio::thread_pool workers;
  asio::ssl::context ssl;
  bool tls = false;
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::list<std::shared_ptr<Connection>> connections;

  awaitable<void> Accept();
  void Spawn(tcp::socket socket);
  template <class Stream>
  awaitable<void> Serve(Stream& stream, std::shared_ptr<Connection> conn, std::string remote);
  awaitable<void> ServePlain(tcp::socket socket);
  awaitable<void> ServeTls(tcp::socket socket);
  awaitable<Response> Handle(Request& request, size_t& slot);
  Response Invoke(const Route& route, Request& request);
  void AddStandardHeaders(bhttp::response<bhttp::string_body>& out, const Request& request) const;
  void BeginShutdown();
  awaitable<void> AwaitDrained();
  std::shared_ptr<Connection> Register(beast::tcp_stream& stream);
  void Unregister(const std::shared_ptr<Connection>& conn);
};

std::shared_ptr<Connection> Server::Impl::Register(beast::tcp_stream& stream) {
  auto conn = std::make_shared<Connection>();
  conn->stream = &stream;
  std::lock_guard lock(connections_mutex);
  connections.push_back(conn);
  metrics.ConnectionOpened();
  return conn;
}

void Server::Impl::Unregister(const std::shared_ptr<Connection>& conn) {
  std::lock_guard lock(connections_mutex);
  conn->stream = nullptr;
  connections.remove(conn);
  metrics.ConnectionClosed();
}

Response Server::Impl::Invoke(const Route& route, Request& request) {
  // Exceptions are caught once, here, at the top of a request.
  try {
    return route.handler(request);
  } catch (const std::exception& e) {
    log::Error("request failed", {{"request_id", std::string_view(request.request_id)},
                                  {"route", std::string_view(route.pattern)},
                                  {"error", std::string_view(e.what())}});
    return ProblemResponse(Error::Of("internal.error"), request);
  }
}

awaitable<Response> Server::Impl::Handle(Request& request, size_t& slot) {
  Match match = router.Find(request.method, request.path);
  if (!match.route) {
    if (auto file = files.Serve(request)) {
      slot = Metrics::kStaticSlot;
      co_return std::move(*file);
    }
    slot = Metrics::kUnmatchedSlot;
    if (!match.allowed.empty()) {
      Response r = ProblemResponse(Error::Of("method.not_allowed", match.allowed), request);
      r.AddHeader("Allow", match.allowed);
      co_return r;
    }
    co_return ProblemResponse(Error::Of("route.not_found"), request);
  }
  slot = match.route->index;
  request.path_params = std::move(match.params);
  const Route* route = match.route;
  if (route->fast_path) {
    try {
      if (auto answered = route->fast_path(request)) {
        co_return std::move(*answered);
      }
    } catch (const std::exception& e) {
      log::Error("fast path failed", {{"request_id", std::string_view(request.request_id)},
                                      {"error", std::string_view(e.what())}});
    }
  }
  if (route->execution == Execution::kInline) {
    co_return Invoke(*route, request);
  }
  // Blocking work goes to the worker pool; the coroutine resumes on its own strand afterwards.
  co_return co_await asio::co_spawn(
      workers,
      [this, route, &request]() -> awaitable<Response> { co_return Invoke(*route, request); },
      use_awaitable);
}

// Straight into Beast's fields from constants: these go on every response, so no copies.
void Server::Impl::AddStandardHeaders(bhttp::response<bhttp::string_body>& out,
                                      const Request& request) const {
  out.set("X-Request-Id", request.request_id);
  out.set("X-Content-Type-Options", "nosniff");
  out.set(bhttp::field::x_frame_options, "DENY");
  out.set("Referrer-Policy", "same-origin");
  out.set("Content-Security-Policy", kContentSecurityPolicy);
  if (tls) {
    out.set(bhttp::field::strict_transport_security, "max-age=31536000; includeSubDomains");
  }
}

template <class Stream>
awaitable<void> Server::Impl::Serve(Stream& stream, std::shared_ptr<Connection> conn,
                                    std::string remote) {
  beast::flat_buffer buffer;
  auto& lowest = beast::get_lowest_layer(stream);
  for (bool first = true;; first = false) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
    parser.body_limit(options.max_body_bytes);
    // A deadline before every read: a slow or silent client cannot hold the connection.
    lowest.expires_after(std::chrono::seconds(
        first ? options.read_timeout_seconds
              : std::max(options.read_timeout_seconds, options.idle_timeout_seconds)));
    auto [ec, read_bytes] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
    (void)read_bytes;
    // The client closed, or a shutdown closed this idle connection. (A request that arrived
    // as the server began stopping is still answered below, with Connection: close.)
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
        (ec && stopping.load())) {
      break;
    }
    auto started = std::chrono::steady_clock::now();
    Request request;
    request.remote_ip = remote;
    request.tls = tls;
    Response response;
    size_t slot = Metrics::kUnmatchedSlot;
    bool keep_alive = false;
    if (ec) {
      // Answer what can be answered (too large, malformed, too slow) and close.
      std::optional<Error> error;
      if (ec == bhttp::error::header_limit) {
        error = Error::Of("request.header_too_large", std::to_string(options.max_header_bytes));
      } else if (ec == bhttp::error::body_limit) {
        error = Error::Of("request.body_too_large", std::to_string(options.max_body_bytes));
      } else if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
        error = Error::Of("request.malformed");
      } else {
        // A read deadline passed (the stream has closed the socket already), or the connection
        // itself failed: nobody left to answer.
        break;
      }
      request.request_id = NewRequestId();
      request.path = "";
      response = ProblemResponse(*error, request);
    } else {
      conn->busy = true;
      metrics.RequestStarted();
      auto& msg = parser.get();
      request.method = std::string(msg.method_string());
      request.target = std::string(msg.target());
      auto q = request.target.find('?');
      request.path = request.target.substr(0, q);
      if (q != std::string::npos) {
        request.query = request.target.substr(q + 1);
      }
      bool head = request.method == "HEAD";
      if (head) {
        request.method = "GET";
      }
      request.headers.reserve(16);
      for (const auto& field : msg) {
        std::string name(field.name_string());
        for (char& c : name) {
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        request.headers.push_back({std::move(name), std::string(field.value())});
      }
      std::string_view incoming_id = request.HeaderValue("x-request-id");
      request.request_id =
          IsAcceptableRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
      request.body = std::move(msg.body());
      keep_alive = msg.keep_alive() && !stopping.load();
      response = co_await Handle(request, slot);
      if (head) {
        response.AddHeader("Content-Length", std::to_string(response.body.size()));
        response.body.clear();
      }
      metrics.RequestFinished();
    }
    bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), 11};
    AddStandardHeaders(out, request);
    if (!response.content_type.empty()) {
      out.set(bhttp::field::content_type, response.content_type);
    }
    bool has_length = false;
    for (auto& h : response.headers) {
      has_length = has_length || h.name == "Content-Length";
      out.insert(h.name, h.value);
    }
    out.keep_alive(keep_alive);
    size_t body_bytes = response.body.size();
    out.body() = std::move(response.body);
    if (!has_length) {
      out.prepare_payload();
    }
    lowest.expires_after(kWriteTimeout);
    auto [write_ec, written] = co_await bhttp::async_write(stream, out, kNoThrow);
    (void)written;
    conn->busy = false;
    auto elapsed = std::chrono::steady_clock::now() - started;
    metrics.Observe(slot, response.status, elapsed);
    if (options.access_log && log::Enabled(log::Level::kInfo)) {
      log::Info("request",
                {{"request_id", std::string_view(request.request_id)},
                 {"method", std::string_view(request.method)},
                 {"path", std::string_view(request.path)},  // never the query: it may hold tokens
                 {"status", static_cast<long long>(response.status)},
                 {"bytes", static_cast<long long>(body_bytes)},
                 {"duration_ms", std::chrono::duration<double, std::milli>(elapsed).count()},
                 {"remote", std::string_view(remote)}});
    }
    if (write_ec || !keep_alive) {
      break;
    }
  }
}

awaitable<void> Server::Impl::ServePlain(tcp::socket socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  std::string remote = ec ? "" : endpoint.address().to_string();
  beast::tcp_stream stream(std::move(socket));
  auto conn = Register(stream);
  co_await Serve(stream, conn, remote);
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  Unregister(conn);
}

awaitable<void> Server::Impl::ServeTls(tcp::socket socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  std::string remote = ec ? "" : endpoint.address().to_string();
  beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), ssl);
  auto conn = Register(beast::get_lowest_layer(stream));
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(options.read_timeout_seconds));
  auto [hs_ec] = co_await stream.async_handshake(asio::ssl::stream_base::server, kNoThrow);
  if (!hs_ec) {
    co_await Serve(stream, conn, remote);
    beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(5));
    co_await stream.async_shutdown(kNoThrow);
  }
  Unregister(conn);
}

awaitable<void> Server::Impl::Accept() {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(NextContext(), kNoThrow);
    if (ec) {
      if (!acceptor.is_open() || stopping.load()) {
        co_return;
      }
      log::Warn("accept failed", {{"error", std::string_view(ec.message())}});
      // Out of descriptors, say: wait a little instead of spinning.
      asio::steady_timer pause(io, std::chrono::milliseconds(50));
      co_await pause.async_wait(kNoThrow);
      continue;
    }
    Spawn(std::move(socket));
    // Take every other connection already waiting, now: accepting one per turn of the event
    // loop would leave a burst of new clients queued behind all the busy ones for seconds.
    for (int i = 0; i < 256; ++i) {
      tcp::socket next(NextContext());
      beast::error_code accept_ec;
      acceptor.accept(next, accept_ec);
      if (accept_ec) {
        break;  // would_block: the backlog is empty
      }
      Spawn(std::move(next));
    }
  }
}

void Server::Impl::Spawn(tcp::socket socket) {
  auto executor = socket.get_executor();
  if (tls) {
    asio::co_spawn(executor, ServeTls(std::move(socket)), asio::detached);
  } else {
    asio::co_spawn(executor, ServePlain(std::move(socket)), asio::detached);
  }
}

void Server::Impl::BeginShutdown() {
  if (stopping.exchange(true)) {
    return;
  }
  log::Info("shutting down: draining connections");
  asio::post(io, [this] {
    beast::error_code ec;
    acceptor.close(ec);
    std::lock_guard lock(connections_mutex);
    for (auto& conn : connections) {
      // On the connection's own thread: close it only if it is waiting for a request.
      asio::post(conn->stream->get_executor(), [conn] {
        if (conn->stream && !conn->busy) {
          beast::error_code ignored;
          conn->stream->socket().close(ignored);
        }
      });
    }
  });
  asio::co_spawn(io, AwaitDrained(), asio::detached);
}

awaitable<void> Server::Impl::AwaitDrained() {
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(options.shutdown_grace_seconds);
  asio::steady_timer timer(io);
  while (metrics.open_connections() > 0 && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(20));
    co_await timer.async_wait(kNoThrow);
  }
  if (metrics.open_connections() > 0) {
    log::Warn("grace period over; closing remaining connections",
              {{"connections", metrics.open_connections()}});
  }
  StopAll();
}

Server::Server(ServerOptions options, const Router& router, const StaticFiles& files,
               Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(options), router, files, metrics)) {
  for (int i = 1; i < impl_->options.io_threads; ++i) {
    impl_->more_io.push_back(std::make_unique<asio::io_context>());
  }
}

Server::~Server() {
  impl_->StopAll();
  impl_->workers.join();
}

uint16_t Server::Listen() {
  auto& o = impl_->options;
  if (!o.tls_cert_file.empty()) {
    impl_->ssl.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                           asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                           asio::ssl::context::no_tlsv1_1);
    impl_->ssl.use_certificate_chain_file(o.tls_cert_file);
    impl_->ssl.use_private_key_file(o.tls_key_file, asio::ssl::context::pem);
    impl_->tls = true;
  }
  tcp::endpoint endpoint(asio::ip::make_address(o.host), o.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  acceptor.non_blocking(true);  // lets Accept() drain the backlog without waiting
  return acceptor.local_endpoint().port();
}

void Server::Run() {
  asio::co_spawn(impl_->io, impl_->Accept(), [](std::exception_ptr e) {
    if (e) {
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        log::Error("accept loop failed", {{"error", std::string_view(ex.what())}});
      }
    }
  });
  std::optional<asio::signal_set> signals;
  if (impl_->options.handle_signals) {
    signals.emplace(impl_->io, SIGTERM, SIGINT);
    signals->async_wait([this](const beast::error_code& ec, int) {
      if (!ec) {
        impl_->BeginShutdown();
      }
    });
  }
  std::vector<std::thread> threads;
  for (auto& context : impl_->more_io) {
    threads.emplace_back([&context] {
      auto work = asio::make_work_guard(*context);  // idle until a connection arrives
      context->run();
    });
  }
  impl_->io.run();
  impl_->StopAll();  // however the main loop ended, the others end with it
  for (auto& t : threads) {
    t.join();
  }
  impl_->workers.join();
  log::Info("server stopped");
}

void Server::Shutdown() {
  impl_->BeginShutdown();
}

}  // namespace candor::http
