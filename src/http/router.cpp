#include "http/router.hpp"

namespace candor::http {
namespace {

// Matches "/a/{x}/b" against "/a/42/b", collecting params. Segments never match across '/'.
bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::vector<std::pair<std::string, std::string>>& params) {
  params.clear();
  size_t pi = 0;
  size_t si = 0;
  while (pi < pattern.size() && si < path.size()) {
    if (pattern[pi] == '{') {
      size_t close = pattern.find('}', pi);
      size_t seg_end = path.find('/', si);
      if (seg_end == std::string_view::npos) {
        seg_end = path.size();
      }
      if (seg_end == si) {
        return false;
      }
      params.emplace_back(std::string(pattern.substr(pi + 1, close - pi - 1)),
                          PercentDecode(path.substr(si, seg_end - si), false));
      pi = close + 1;
      si = seg_end;
      continue;
    }
    if (pattern[pi] != path[si]) {
      return false;
    }
    ++pi;
    ++si;
  }
  return pi == pattern.size() && si == path.size();
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, Execution execution,
                 FastPath fast_path) {
  size_t index = routes_.size();
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler), execution, index,
                     std::move(fast_path)});
}

Match Router::Find(std::string_view method, std::string_view path) const {
  Match match;
  std::vector<std::pair<std::string, std::string>> params;
  for (const auto& route : routes_) {
    if (!MatchPattern(route.pattern, path, params)) {
      continue;
    }
    if (route.method == method) {
      match.route = &route;
      match.params = std::move(params);
      match.allowed.clear();
      return match;
    }
    match.allowed += (match.allowed.empty() ? "" : ", ") + route.method;
  }
  return match;
}

}  // namespace candor::http
