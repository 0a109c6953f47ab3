import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, fieldErrorsByName, request, setCsrfToken, setRequestLocale, setUnauthorizedHandler } from './http';

function problemResponse(status: number, body: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function stubFetch(response: Response) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function sentHeaders(fetchMock: ReturnType<typeof stubFetch>): Record<string, string> {
  return fetchMock.mock.calls[0]?.[1].headers as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(() => {});
});

describe('request', () => {
  it('sends the UI language and the CSRF token only on state-changing calls', async () => {
    setRequestLocale('zh-CN');
    setCsrfToken('token-1');
    const get = stubFetch(new Response('{"items":[],"next_cursor":null}', { status: 200 }));
    await request('GET', '/api/v1/users', { query: { limit: 50, cursor: null } });
    expect(get.mock.calls[0]?.[0]).toBe('/api/v1/users?limit=50');
    expect(sentHeaders(get)['Accept-Language']).toBe('zh-CN');
    expect(sentHeaders(get)['X-CSRF-Token']).toBeUndefined();
    expect(get.mock.calls[0]?.[1].credentials).toBe('same-origin');

    const post = stubFetch(new Response(null, { status: 204 }));
    await expect(request('POST', '/api/v1/auth/logout')).resolves.toBeUndefined();
    expect(sentHeaders(post)['X-CSRF-Token']).toBe('token-1');
  });

  it('turns a problem document into an ApiError with the localized detail and field errors', async () => {
    stubFetch(
      problemResponse(400, {
        code: 'validation.failed',
        detail: '请求中有字段无效。',
        errors: [{ field: '/email', code: 'format', message: '邮箱格式错误' }],
      }),
    );
    const error = await request('POST', '/api/v1/users', { body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('validation.failed');
    expect(apiError.detail).toBe('请求中有字段无效。');
    expect(fieldErrorsByName(apiError).get('email')).toEqual(['邮箱格式错误']);
  });

  it('reads Retry-After from a throttled answer', async () => {
    stubFetch(problemResponse(429, { code: 'auth.throttled', detail: 'slow down' }, { 'Retry-After': '30' }));
    const error = (await request('POST', '/api/v1/auth/login', { allowUnauthorized: true }).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('reports a lost session on 401 unless the caller expects one', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    stubFetch(problemResponse(401, { code: 'auth.required' }));
    await expect(request('GET', '/api/v1/audit')).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);

    stubFetch(problemResponse(401, { code: 'auth.invalid_credentials' }));
    await expect(request('POST', '/api/v1/auth/login', { allowUnauthorized: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('maps an unreachable server and a non-JSON error page to ApiErrors', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const offline = (await request('GET', '/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(offline.status).toBe(0);
    expect(offline.code).toBe('network');

    stubFetch(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const gateway = (await request('GET', '/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(gateway.status).toBe(502);
    expect(gateway.detail).toBeUndefined();
  });
});
