#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/crypto.hpp"
#include "common/log.hpp"

namespace candor::http {
namespace {

std::string ContentType(const std::filesystem::path& path) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"}};
  auto it = kTypes.find(path.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace

StaticFiles StaticFiles::Load(const std::string& dir) {
  StaticFiles set;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    log::Warn("no web app to serve", {{"static_dir", std::string_view(dir)}});
    return set;
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    File file;
    file.content = content.str();
    file.content_type = ContentType(entry.path());
    file.etag = "\"" + crypto::Sha256Hex(file.content).substr(0, 32) + "\"";
    std::string rel = "/" + std::filesystem::relative(entry.path(), dir).generic_string();
    file.immutable = rel.starts_with("/assets/");
    set.files_.emplace(std::move(rel), std::move(file));
  }
  log::Info("web app loaded", {{"static_dir", std::string_view(dir)},
                               {"files", static_cast<long long>(set.files_.size())}});
  return set;
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (request.method != "GET") {
    return std::nullopt;
  }
  std::string_view path = request.path;
  if (auto it = files_.find(path); it != files_.end()) {
    return Respond(it->second, request);
  }
  bool app_page =
      !path.starts_with("/api/") && path.find('.', path.rfind('/')) == std::string_view::npos;
  if (app_page) {
    if (auto it = files_.find(std::string_view("/index.html")); it != files_.end()) {
      return Respond(it->second, request);
    }
  }
  return std::nullopt;
}

Response StaticFiles::Respond(const File& file, const Request& request) const {
  Response r;
  r.AddHeader("ETag", file.etag);
  r.AddHeader("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  if (request.HeaderValue("if-none-match") == file.etag) {
    r.status = 304;
    return r;
  }
  r.content_type = file.content_type;
  r.body = file.content;
  return r;
}

}  // namespace candor::http
