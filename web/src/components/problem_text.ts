import type { TFunction } from 'i18next';
import { ApiError } from '../services/http';

/// What to tell the user about a failed call: the server's localized detail when there is one.
export function problemText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    if (error.detail) return error.detail;
    return t('errors.generic', { status: error.status });
  }
  return t('errors.generic', { status: '?' });
}
