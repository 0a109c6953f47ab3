// The single fetch wrapper every service goes through: it sends the UI language, the CSRF token
// and the session cookie, and turns any failure into an ApiError carrying the server's problem.
import type { FieldError, Locale, Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : 'unknown');
    this.detail = problem.detail ?? problem.title;
    this.fieldErrors = problem.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
    this.requestId = problem.request_id;
  }
}

interface ClientState {
  csrfToken: string | null;
  locale: Locale;
  onUnauthorized: () => void;
}

const state: ClientState = {
  csrfToken: null,
  locale: 'en-US',
  onUnauthorized: () => {},
};

export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function setRequestLocale(locale: Locale): void {
  state.locale = locale;
}

/// Called on any 401 from a call that expects a session, so the app can send the user to /login.
export function setUnauthorizedHandler(handler: () => void): void {
  state.onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /// A 401 is an expected answer here (login, the start-up session probe), not a lost session.
  allowUnauthorized?: boolean;
}

function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return (await response.json()) as Problem;
    } catch {
      // A malformed error body still yields an ApiError with the status below.
    }
  }
  return { status: response.status };
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': state.locale,
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, {});
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.allowUnauthorized) state.onUnauthorized();
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/// Field errors keyed by form field name; the server may name fields "email" or "/email".
export function fieldErrorsByName(error: ApiError): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const fieldError of error.fieldErrors) {
    const name = fieldError.field.replace(/^\//, '').split(/[./]/).pop() ?? fieldError.field;
    const messages = byName.get(name) ?? [];
    messages.push(fieldError.message);
    byName.set(name, messages);
  }
  return byName;
}
