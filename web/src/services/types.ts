// Shapes of the JSON the candor API returns (see the API contract in docs).

export type Role =
  | 'owner'
  | 'recruiter'
  | 'hiring_manager'
  | 'interviewer'
  | 'finance'
  | 'integration';

export const kRoles: readonly Role[] = [
  'owner',
  'recruiter',
  'hiring_manager',
  'interviewer',
  'finance',
  'integration',
];

export type Locale = 'zh-CN' | 'en-US';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
}

export interface Me {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale;
  tenant: Tenant;
  permissions: string[];
  csrf_token?: string;
}

export interface LoginResponse {
  user: Me;
  csrf_token: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface User {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  locale: Locale;
  disabled: boolean;
  created_at: string;
}

export interface NewUser {
  email: string;
  display_name: string;
  role: Role;
  password: string;
  locale: Locale;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  created_at: string;
  last_used_at: string | null;
  revoked: boolean;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  secret: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string | null;
  actor_email: string | null;
  action: string;
  entity: string;
  entity_id: string;
  ip: string;
  digest: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  first_broken_seq: number | null;
  reason: string | null;
}

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/// RFC 9457 problem document; `detail` is already in the user's language.
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
}
