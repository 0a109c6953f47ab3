#pragma once
// RFC 9457 problem responses: one place turns an Error into JSON in the caller's language.
#include <string_view>

#include "common/messages.hpp"
#include "common/result.hpp"
#include "http/message.hpp"

namespace candor::http {

/// application/problem+json with type, title, status, detail, code, instance, request_id and,
/// for validation errors, errors[] with a localized message per field.
Response ProblemResponse(const Error& error, const Request& request);
Locale RequestLocale(const Request& request);

}  // namespace candor::http
