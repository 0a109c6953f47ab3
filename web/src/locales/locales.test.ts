import { describe, expect, it } from 'vitest';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

function placeholdersOf(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1] ?? '').sort() : [];
}

function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], tree);
}

describe('locales', () => {
  it('have the same keys in both languages', () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(enUS).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of keysOf(enUS)) {
      expect(placeholdersOf(lookup(zhCN, key)), key).toEqual(placeholdersOf(lookup(enUS, key)));
    }
  });

  it('have no empty strings', () => {
    for (const tree of [enUS, zhCN]) {
      for (const key of keysOf(tree)) expect(String(lookup(tree, key)).trim(), key).not.toBe('');
    }
  });
});
