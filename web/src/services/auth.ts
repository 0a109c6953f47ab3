import { request } from './http';
import type { LoginResponse, Me } from './types';

export interface Credentials {
  tenant: string;
  email: string;
  password: string;
}

export function login(credentials: Credentials): Promise<LoginResponse> {
  return request<LoginResponse>('POST', '/api/v1/auth/login', {
    body: credentials,
    allowUnauthorized: true,
  });
}

export function logout(): Promise<void> {
  return request<void>('POST', '/api/v1/auth/logout', { allowUnauthorized: true });
}

export function fetchMe(): Promise<Me> {
  return request<Me>('GET', '/api/v1/me', { allowUnauthorized: true });
}
