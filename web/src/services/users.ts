import { request } from './http';
import type { NewUser, Page, User } from './types';

export function listUsers(cursor: string | null, limit = 50): Promise<Page<User>> {
  return request<Page<User>>('GET', '/api/v1/users', { query: { limit, cursor } });
}

export function createUser(user: NewUser): Promise<User> {
  return request<User>('POST', '/api/v1/users', { body: user });
}
