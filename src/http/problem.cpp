#include "http/problem.hpp"

#include "common/json.hpp"

namespace candor::http {

Locale RequestLocale(const Request& request) {
  return ParseAcceptLanguage(request.HeaderValue("accept-language"));
}

Response ProblemResponse(const Error& error, const Request& request) {
  Locale locale = RequestLocale(request);
  int status = StatusOf(error.code);
  json::object body;
  body["type"] = "urn:candor:problem:" + error.code;
  body["title"] = TitleOf(error.code, locale);
  body["status"] = status;
  body["detail"] = DetailOf(error, locale);
  body["code"] = IsKnownCode(error.code) ? error.code : "internal.error";
  body["instance"] = request.path;
  body["request_id"] = request.request_id;
  if (!error.fields.empty()) {
    json::array fields;
    for (const auto& f : error.fields) {
      fields.push_back(
          json::object{{"field", f.field}, {"code", f.code}, {"message", FieldMessage(f, locale)}});
    }
    body["errors"] = std::move(fields);
  }
  Response response{status, "application/problem+json", json::serialize(body), {}};
  if (error.retry_after_seconds > 0) {
    response.AddHeader("Retry-After", std::to_string(error.retry_after_seconds));
  }
  response.AddHeader("Content-Language", std::string(LocaleTag(locale)));
  return response;
}

}  // namespace candor::http
