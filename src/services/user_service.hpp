#pragma once
// Managing a tenant's staff accounts.
#include <optional>
#include <string>

#include "common/result.hpp"
#include "services/context.hpp"
#include "services/principal_loader.hpp"

namespace candor::services {

class AuthService;

struct NewUser {
  std::string email;
  std::string display_name;
  std::string role;
  std::string password;
  std::string locale = "zh-CN";
};

struct UserChanges {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<std::string> locale;
  std::optional<bool> disabled;
};

class UserService {
 public:
  UserService(Deps deps, AuthService& auth) : deps_(deps), auth_(auth) {}

  Result<Page<UserView>> List(const Caller& caller, std::optional<std::string> cursor,
                              std::optional<int> limit);
  Result<UserView> Get(const Caller& caller, const std::string& id);
  Result<UserView> Create(const Caller& caller, const NewUser& input);
  Result<UserView> Update(const Caller& caller, const std::string& id, const UserChanges& changes);

  /// Creates a user with no signed-in caller (the admin command and the demo), audited as
  /// "system".
  Result<UserView> CreateAsSystem(const std::string& tenant_id, const NewUser& input);

  /// Checks e-mail, name, role, password and locale; every problem is reported at once.
  static std::vector<FieldError> Validate(const NewUser& input);

 private:
  Result<UserView> Insert(const std::string& tenant_id, const std::string& actor,
                          const Origin& origin, const NewUser& input);
  Deps deps_;
  AuthService& auth_;
};

}  // namespace candor::services
