#pragma once
// Result<T>: a value or the typed Error of an expected failure (validation, not found, conflict…).
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace candor {

/// One invalid field of a request: which field and a stable code such as "required".
struct FieldError {
  std::string field;
  std::string code;
  std::string arg;  ///< optional argument for the message, e.g. the minimum length
};

/// An expected failure. `code` is stable and public ("auth.invalid_credentials"); its HTTP status
/// and localized texts live in the catalogue (common/messages.cpp).
struct Error {
  std::string code;
  std::vector<FieldError> fields;
  std::string arg;              ///< fills "{arg}" in the localized detail (a limit, a delay…)
  std::string internal;         ///< for logs only, never shown to the caller
  int retry_after_seconds = 0;  ///< sent as Retry-After when positive

  static Error Of(std::string code, std::string arg = {}) {
    Error e;
    e.code = std::move(code);
    e.arg = std::move(arg);
    return e;
  }
  static Error Internal(std::string internal) {
    Error e;
    e.code = "internal.error";
    e.internal = std::move(internal);
    return e;
  }
  static Error Validation(std::vector<FieldError> fields) {
    Error e;
    e.code = "validation.failed";
    e.fields = std::move(fields);
    return e;
  }
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : data_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return data_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T* operator->() { return &std::get<0>(data_); }
  const T* operator->() const { return &std::get<0>(data_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(data_); }
  Error&& take_error() { return std::get<1>(std::move(data_)); }

 private:
  std::variant<T, Error> data_;
};

/// Result of an operation that yields nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace candor
