// The HTTP server under real and hostile clients: limits, timeouts, malformed bytes, static
// files, headers, metrics and graceful shutdown.
#include <gtest/gtest.h>

#include <future>
#include <random>

#include "harness.hpp"

namespace candor::testing {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  static ServerSetup MakeSetup() {
    ServerSetup s;
    s.read_timeout_seconds = 1;
    return s;
  }
  TestServer server_{MakeSetup()};

  void ExpectStillServing() {
    auto r = server_.Request("GET", "/healthz");
    EXPECT_EQ(r.status, 200) << "the server must stay up";
  }
};

TEST_F(ServerTest, HealthReadinessAndSecurityHeaders) {
  auto health = server_.Request("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_EQ(health.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(health.Header("content-security-policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(health.Header("strict-transport-security"), "") << "HSTS only under TLS";
  EXPECT_EQ(health.Header("x-request-id").size(), 16u);

  auto ready = server_.Request("GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.body, R"({"status":"ready"})");
}

TEST_F(ServerTest, RequestIdIsEchoedWhenSafeAndReplacedWhenNot) {
  EXPECT_EQ(server_.Request("GET", "/healthz", "X-Request-Id: abc-123\r\n").Header("x-request-id"),
            "abc-123");
  auto r = server_.Request("GET", "/healthz", "X-Request-Id: <script>\r\n");
  EXPECT_NE(r.Header("x-request-id"), "<script>");
  EXPECT_EQ(r.Header("x-request-id").size(), 16u);
}

TEST_F(ServerTest, MetricsCountRequestsByRoute) {
  server_.Request("GET", "/healthz");
  server_.Request("GET", "/api/v1/me");
  auto m = server_.Request("GET", "/metrics");
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.Header("content-type").find("text/plain"), std::string::npos);
  EXPECT_NE(
      m.body.find(R"(candor_http_requests_total{method="GET",route="/healthz",status="2xx"})"),
      std::string::npos)
      << m.body;
  EXPECT_NE(
      m.body.find(R"(candor_http_requests_total{method="GET",route="/api/v1/me",status="4xx"} 1)"),
      std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("candor_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST_F(ServerTest, ServesTheWebAppWithSinglePageFallback) {
  auto index = server_.Request("GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("<div id=root>"), std::string::npos);
  EXPECT_EQ(index.Header("cache-control"), "no-cache");

  auto page = server_.Request("GET", "/users/123");  // a client-side route
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, index.body);

  auto asset = server_.Request("GET", "/assets/app-1234.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_NE(asset.Header("content-type").find("text/javascript"), std::string::npos);
  EXPECT_NE(asset.Header("cache-control").find("immutable"), std::string::npos);

  auto cached = server_.Request("GET", "/assets/app-1234.js",
                                "If-None-Match: " + asset.Header("etag") + "\r\n");
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.body.empty());

  EXPECT_EQ(server_.Request("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(server_.Request("GET", "/../../etc/passwd").status, 200)
      << "an unknown page is the app's business; nothing outside the web folder is read";
  EXPECT_EQ(server_.Request("GET", "/../../etc/passwd").body, index.body);
}

TEST_F(ServerTest, UnknownApiRouteAndWrongMethodAreProblems) {
  auto missing = server_.Request("GET", "/api/v1/nothing-here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Header("content-type"), "application/problem+json");
  EXPECT_EQ(missing.JsonField("code"), "route.not_found");

  auto wrong = server_.Request("DELETE", "/healthz");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("allow"), "GET");
  EXPECT_EQ(wrong.JsonField("code"), "method.not_allowed");
}

TEST_F(ServerTest, HeadAnswersWithHeadersOnly) {
  auto r =
      RawExchange(server_.port(), "HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Header("content-length"), "15");
  EXPECT_TRUE(r.body.empty());
}

TEST_F(ServerTest, MalformedRequestsGet400AndTheServerStaysUp) {
  for (const std::string& bytes : std::vector<std::string>{
           "GARBAGE\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
           "GET /healthz HTTP/1.1\r\nBad Header Line\r\n\r\n", "GET /\x01 HTTP/1.1\r\n\r\n",
           "POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: abc\r\n\r\n"}) {
    auto r = RawExchange(server_.port(), bytes);
    EXPECT_EQ(r.status, 400) << bytes;
    EXPECT_EQ(r.JsonField("code"), "request.malformed") << bytes;
  }
  ExpectStillServing();
}

TEST_F(ServerTest, OversizedHeadersGet431) {
  std::string big(20 * 1024, 'a');
  auto r = server_.Request("GET", "/healthz", "X-Big: " + big + "\r\n");
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(r.JsonField("code"), "request.header_too_large");
  ExpectStillServing();
}

TEST_F(ServerTest, OversizedBodiesGet413BeforeTheBodyIsRead) {
  std::string big(200 * 1024, 'x');
  auto r = server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.JsonField("code"), "request.body_too_large");
  EXPECT_NE(r.JsonField("detail").find("65536"), std::string::npos) << r.body;
  ExpectStillServing();
}

TEST_F(ServerTest, InvalidJsonAndWrongContentTypeAreRefused) {
  auto bad = server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                             "{\"tenant\":");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.JsonField("code"), "request.invalid_json");

  auto array =
      server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n", "[1,2]");
  EXPECT_EQ(array.JsonField("code"), "request.invalid_json");

  auto deep = server_.Request("POST", "/api/v1/auth/login", "Content-Type: application/json\r\n",
                              std::string(5000, '[') + std::string(5000, ']'));
  EXPECT_EQ(deep.status, 400);

  auto form = server_.Request("POST", "/api/v1/auth/login",
                              "Content-Type: application/x-www-form-urlencoded\r\n", "a=b");
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(form.JsonField("code"), "request.unsupported_media_type");
  ExpectStillServing();
}

TEST_F(ServerTest, SlowClientIsCutOffWhileOthersAreServed) {
  // Half a request, then silence: the read deadline (1 s here) closes the connection.
  auto slow = std::async(std::launch::async, [&] {
    return RawExchange(server_.port(),
                       "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", std::chrono::seconds(5));
  });
  for (int i = 0; i < 5; ++i) {
    ExpectStillServing();
  }
  auto started = std::chrono::steady_clock::now();
  auto r = slow.get();
  EXPECT_EQ(r.status, 0) << "closed without an answer";
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3))
      << "cut off by the server, not by the client's own 5 s limit";
}

TEST_F(ServerTest, IdleConnectionIsClosedWithoutAnswer) {
  auto start = std::chrono::steady_clock::now();
  auto r = RawExchange(server_.port(), "", std::chrono::seconds(5));
  EXPECT_EQ(r.status, 0);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::string two =
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  auto r = RawExchange(server_.port(), two, std::chrono::seconds(3), /*until_close=*/true);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.Header("connection"), "close") << "the first response keeps the connection";
  EXPECT_NE(r.body.find("HTTP/1.1 200"), std::string::npos) << "the second response follows";
  EXPECT_NE(r.body.find(R"({"status":"ready"})"), std::string::npos);
}

TEST_F(ServerTest, RandomAndMutatedRequestsNeverTakeTheServerDown) {
  // A bounded fuzz run over the request parser and routing: random bytes, and valid requests
  // with bytes flipped, cut short or repeated. Each must get an answer below 500 or a close.
  std::mt19937 rng(20261121);  // fixed seed: a failure can be replayed
  const std::string valid =
      "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 52\r\n\r\n{\"tenant\":\"demo\",\"email\":\"a@b.c\",\"password\":\"pw\"}";
  for (int i = 0; i < 300; ++i) {
    std::string bytes;
    if (i % 3 == 0) {
      bytes.resize(rng() % 400);
      for (char& c : bytes) {
        c = static_cast<char>(rng() % 256);
      }
    } else {
      bytes = valid;
      int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits; ++e) {
        size_t at = rng() % bytes.size();
        switch (rng() % 3) {
          case 0:
            bytes[at] = static_cast<char>(rng() % 256);
            break;
          case 1:
            bytes.resize(at);
            break;
          default:
            bytes.insert(at, bytes.substr(at, rng() % 40));
        }
        if (bytes.empty()) {
          bytes = "x";
        }
      }
    }
    auto r = RawExchange(server_.port(), bytes, std::chrono::milliseconds(1500), false, true);
    EXPECT_LT(r.status, 500) << "case " << i;
  }
  ExpectStillServing();
}

TEST(ServerShutdown, InFlightRequestsFinishThenTheServerStops) {
  ServerSetup setup;
  std::promise<void> entered;
  setup.extra_routes = [&](http::Router& router) {
    router.Add("GET", "/test/slow", [&](http::Request&) {
      entered.set_value();
      std::this_thread::sleep_for(std::chrono::milliseconds(700));
      return http::Response::Json(200, R"({"done":true})");
    });
  };
  TestServer server(setup);
  auto slow = std::async(std::launch::async, [&] { return server.Request("GET", "/test/slow"); });
  entered.get_future().wait();
  server.Shutdown();  // returns only when the server has stopped
  auto r = slow.get();
  EXPECT_EQ(r.status, 200) << "the in-flight request was answered";
  EXPECT_EQ(r.body, R"({"done":true})");
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_EQ(server.Request("GET", "/healthz").status, 0) << "no longer accepting";
}

}  // namespace
}  // namespace candor::testing
