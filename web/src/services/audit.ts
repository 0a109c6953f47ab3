import { request } from './http';
import type { AuditEntry, AuditVerification, Page } from './types';

export function listAudit(cursor: string | null, limit = 50): Promise<Page<AuditEntry>> {
  return request<Page<AuditEntry>>('GET', '/api/v1/audit', { query: { limit, cursor } });
}

export function verifyAudit(): Promise<AuditVerification> {
  return request<AuditVerification>('POST', '/api/v1/audit/verify');
}
