#pragma once
// The catalogue of stable error codes: HTTP status and texts in zh-CN and en-US.
#include <string>
#include <string_view>

#include "common/result.hpp"

namespace candor {

enum class Locale { kEnUs, kZhCn };

/// Picks zh-CN or en-US from an Accept-Language header (q-values honoured); en-US by default.
Locale ParseAcceptLanguage(std::string_view header);
std::string_view LocaleTag(Locale locale);
bool IsSupportedLocale(std::string_view tag);

/// HTTP status for an error code (500 for a code missing from the catalogue).
int StatusOf(std::string_view code);
/// Short summary of the problem type, localized.
std::string TitleOf(std::string_view code, Locale locale);
/// The human explanation of this occurrence, localized.
std::string DetailOf(const Error& error, Locale locale);
/// Message for one invalid field, localized ("required" → "This field is required.").
std::string FieldMessage(const FieldError& field, Locale locale);
/// True when the code is in the catalogue (tests check every code used has texts).
bool IsKnownCode(std::string_view code);

}  // namespace candor
