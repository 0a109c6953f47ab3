import { request } from './http';
import type { ApiKey, CreatedApiKey, Page } from './types';

export function listApiKeys(cursor: string | null, limit = 50): Promise<Page<ApiKey>> {
  return request<Page<ApiKey>>('GET', '/api/v1/api-keys', { query: { limit, cursor } });
}

export function createApiKey(name: string): Promise<CreatedApiKey> {
  return request<CreatedApiKey>('POST', '/api/v1/api-keys', { body: { name } });
}

export function revokeApiKey(id: string): Promise<void> {
  return request<void>('DELETE', `/api/v1/api-keys/${encodeURIComponent(id)}`);
}
