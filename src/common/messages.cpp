#include "common/messages.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace candor {
namespace {

struct Entry {
  std::string_view code;
  int status;
  std::string_view title_en;
  std::string_view title_zh;
  std::string_view detail_en;  // may hold {arg}: the first field's argument or the retry delay
  std::string_view detail_zh;
};

constexpr std::array kCatalogue = {
    Entry{"validation.failed", 400, "Invalid input", "输入有误",
          "Some fields are invalid; see the errors listed.", "部分字段有误，请查看错误列表。"},
    Entry{"auth.required", 401, "Sign-in required", "需要登录", "Please sign in to continue.",
          "请先登录。"},
    Entry{"auth.invalid_credentials", 401, "Wrong sign-in details", "登录信息有误",
          "The organisation, e-mail or password is wrong.", "组织、邮箱或密码不正确。"},
    Entry{"auth.invalid_api_key", 401, "Invalid API key", "API 密钥无效",
          "The API key is unknown or has been revoked.", "API 密钥不存在或已被吊销。"},
    Entry{"auth.locked", 423, "Account locked", "账号已锁定",
          "Too many failed sign-ins. Try again in {arg} minutes.",
          "登录失败次数过多，请在 {arg} 分钟后重试。"},
    Entry{"auth.throttled", 429, "Too many attempts", "尝试过于频繁",
          "Too many sign-in attempts. Try again in {arg} seconds.",
          "登录尝试过于频繁，请在 {arg} 秒后重试。"},
    Entry{"auth.csrf", 403, "Security token missing", "安全令牌缺失",
          "The request lacks a valid X-CSRF-Token header. Reload the page and try again.",
          "请求缺少有效的 X-CSRF-Token 头，请刷新页面后重试。"},
    Entry{"auth.forbidden", 403, "Not allowed", "无权操作", "Your role does not allow this action.",
          "您的角色无权执行此操作。"},
    Entry{"auth.disabled", 403, "Account disabled", "账号已停用",
          "This account has been disabled by an administrator.", "该账号已被管理员停用。"},
    Entry{"resource.not_found", 404, "Not found", "未找到", "The requested record does not exist.",
          "请求的记录不存在。"},
    Entry{"route.not_found", 404, "No such endpoint", "接口不存在",
          "No endpoint answers at this address.", "该地址没有对应的接口。"},
    Entry{"method.not_allowed", 405, "Method not allowed", "不支持的请求方法",
          "This endpoint does not accept this method. Allowed: {arg}.",
          "该接口不接受此请求方法。允许：{arg}。"},
    Entry{"user.email_taken", 409, "E-mail already in use", "邮箱已被使用",
          "A user with this e-mail already exists in your organisation.",
          "您的组织中已有使用该邮箱的用户。"},
    Entry{"tenant.slug_taken", 409, "Organisation already exists", "组织已存在",
          "An organisation with this short name already exists.", "已存在使用该简称的组织。"},
    Entry{"user.last_owner", 409, "Last owner", "最后一位所有者",
          "The organisation must keep at least one active owner.",
          "组织必须至少保留一位有效的所有者。"},
    Entry{"request.body_too_large", 413, "Request too large", "请求体过大",
          "The request body exceeds the limit of {arg} bytes.", "请求体超过 {arg} 字节的上限。"},
    Entry{"request.header_too_large", 431, "Headers too large", "请求头过大",
          "The request headers exceed the limit of {arg} bytes.", "请求头超过 {arg} 字节的上限。"},
    Entry{"request.unsupported_media_type", 415, "Unsupported content type", "不支持的内容类型",
          "Send the body as application/json.", "请以 application/json 格式发送请求体。"},
    Entry{"request.invalid_json", 400, "Invalid JSON", "JSON 格式错误",
          "The request body is not valid JSON: {arg}.", "请求体不是有效的 JSON：{arg}。"},
    Entry{"request.malformed", 400, "Malformed request", "请求格式错误",
          "The HTTP request could not be parsed.", "无法解析该 HTTP 请求。"},
    Entry{"service.not_ready", 503, "Service not ready", "服务未就绪",
          "The database cannot be reached.", "无法连接数据库。"},
    Entry{"service.shutting_down", 503, "Shutting down", "服务正在关闭",
          "The server is shutting down; retry on another node.", "服务器正在关闭，请稍后重试。"},
    Entry{"internal.error", 500, "Internal error", "内部错误",
          "Something went wrong on our side. Quote the request id when reporting it.",
          "服务器内部出错。反馈问题时请提供请求编号。"},
};

struct FieldEntry {
  std::string_view code;
  std::string_view en;
  std::string_view zh;
};

constexpr std::array kFieldMessages = {
    FieldEntry{"required", "This field is required.", "此项为必填项。"},
    FieldEntry{"invalid_email", "Enter a valid e-mail address.", "请输入有效的邮箱地址。"},
    FieldEntry{"too_short", "Must be at least {arg} characters.", "至少需要 {arg} 个字符。"},
    FieldEntry{"too_long", "Must be at most {arg} characters.", "最多 {arg} 个字符。"},
    FieldEntry{"invalid_value", "This value is not allowed. Allowed: {arg}.",
               "该值无效。允许的值：{arg}。"},
    FieldEntry{"invalid_type", "Wrong type; expected {arg}.", "类型错误，应为 {arg}。"},
    FieldEntry{"invalid_slug", "Use 2–40 lower-case letters, digits or hyphens.",
               "请使用 2–40 个小写字母、数字或连字符。"},
    FieldEntry{"out_of_range", "Must be between {arg}.", "取值范围应为 {arg}。"},
    FieldEntry{"unknown_field", "This field is not recognised.", "无法识别此字段。"},
};

const Entry* Find(std::string_view code) {
  auto it = std::find_if(kCatalogue.begin(), kCatalogue.end(),
                         [&](const Entry& e) { return e.code == code; });
  return it == kCatalogue.end() ? nullptr : &*it;
}

std::string Fill(std::string_view text, std::string_view arg) {
  std::string out(text);
  if (auto pos = out.find("{arg}"); pos != std::string::npos) {
    out.replace(pos, 5, arg);
  }
  return out;
}

}  // namespace

Locale ParseAcceptLanguage(std::string_view header) {
  // Highest q wins; ties go to the first listed. Only the primary subtag matters (zh-TW → zh-CN,
  // the only Chinese we ship).
  Locale best = Locale::kEnUs;
  double best_q = -1;
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) {
      end = header.size();
    }
    std::string_view item = header.substr(start, end - start);
    start = end + 1;
    double q = 1.0;
    if (auto semi = item.find(';'); semi != std::string_view::npos) {
      auto params = item.substr(semi + 1);
      if (auto qpos = params.find("q="); qpos != std::string_view::npos) {
        auto qs = params.substr(qpos + 2);
        while (!qs.empty() && qs.back() == ' ') {
          qs.remove_suffix(1);
        }
        double parsed = 0;
        auto [ptr, ec] = std::from_chars(qs.data(), qs.data() + qs.size(), parsed);
        q = ec == std::errc() ? parsed : 0.0;
      }
      item = item.substr(0, semi);
    }
    while (!item.empty() && item.front() == ' ') {
      item.remove_prefix(1);
    }
    std::string lang;
    for (char c : item.substr(0, 2)) {
      lang += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (q <= 0) {
      continue;  // q=0: "not acceptable"
    }
    Locale candidate;
    if (lang == "zh") {
      candidate = Locale::kZhCn;
    } else if (lang == "en") {
      candidate = Locale::kEnUs;
    } else {
      continue;
    }
    if (q > best_q) {
      best_q = q;
      best = candidate;
    }
    if (end == header.size()) {
      break;
    }
  }
  return best;
}

std::string_view LocaleTag(Locale locale) {
  return locale == Locale::kZhCn ? "zh-CN" : "en-US";
}

bool IsSupportedLocale(std::string_view tag) {
  return tag == "zh-CN" || tag == "en-US";
}

int StatusOf(std::string_view code) {
  const Entry* e = Find(code);
  return e ? e->status : 500;
}

bool IsKnownCode(std::string_view code) {
  return Find(code) != nullptr;
}

std::string TitleOf(std::string_view code, Locale locale) {
  const Entry* e = Find(code);
  if (!e) {
    e = Find("internal.error");
  }
  return std::string(locale == Locale::kZhCn ? e->title_zh : e->title_en);
}

std::string DetailOf(const Error& error, Locale locale) {
  const Entry* e = Find(error.code);
  if (!e) {
    e = Find("internal.error");
  }
  return Fill(locale == Locale::kZhCn ? e->detail_zh : e->detail_en, error.arg);
}

std::string FieldMessage(const FieldError& field, Locale locale) {
  auto it = std::find_if(kFieldMessages.begin(), kFieldMessages.end(),
                         [&](const FieldEntry& e) { return e.code == field.code; });
  if (it == kFieldMessages.end()) {
    return field.code;
  }
  return Fill(locale == Locale::kZhCn ? it->zh : it->en, field.arg);
}

}  // namespace candor
