#pragma once
// The built web app, read into memory at start-up and served with single-page fallback.
#include <map>
#include <optional>
#include <string>

#include "http/message.hpp"

namespace candor::http {

class StaticFiles {
 public:
  /// Reads every file below `dir`. A missing folder leaves the set empty (API-only server).
  static StaticFiles Load(const std::string& dir);
  bool empty() const { return files_.empty(); }
  size_t size() const { return files_.size(); }

  /// The file at `path`, else index.html for paths that look like app pages (no extension, not
  /// under /api/), else nothing. Honours If-None-Match.
  std::optional<Response> Serve(const Request& request) const;

 private:
  struct File {
    std::string content;
    std::string content_type;
    std::string etag;
    bool immutable = false;  ///< fingerprinted assets may be cached for a year
  };
  Response Respond(const File& file, const Request& request) const;
  std::map<std::string, File, std::less<>> files_;
};

}  // namespace candor::http
