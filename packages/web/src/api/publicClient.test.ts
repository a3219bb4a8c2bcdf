import { describe, expect, it } from 'vitest';
import { collectPages, publicUrl, type Page } from './publicClient.js';

function page(items: number[], next: string | null): Page<number> {
  return { items, page: 1, pageSize: 2, total: 0, pages: 0, next, previous: null };
}

describe('the public client', () => {
  it('builds addresses under /api/public, leaving out empty parameters', () => {
    expect(publicUrl('/summary', { asOf: '2024-02-20' })).toBe('/api/public/summary?asOf=2024-02-20');
    expect(publicUrl('/changes', { since: '' })).toBe('/api/public/changes');
    expect(publicUrl('')).toBe('/api/public');
  });

  it('follows next links to the last page', async () => {
    const pages: Record<string, Page<number>> = {
      '/api/public/agreements?pageSize=2': page([1, 2], '/api/public/agreements?page=2&pageSize=2'),
      '/api/public/agreements?page=2&pageSize=2': page([3, 4], '/api/public/agreements?page=3&pageSize=2'),
      '/api/public/agreements?page=3&pageSize=2': page([5], null),
    };
    const asked: string[] = [];
    const items = await collectPages('/api/public/agreements?pageSize=2', (address) => {
      asked.push(address);
      const found = pages[address];
      return found ? Promise.resolve(found) : Promise.reject(new Error(address));
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toHaveLength(3);
  });

  it('stops at a loop or a link out of the public API', async () => {
    const looping = await collectPages('/api/public/a', () => Promise.resolve(page([1], '/api/public/a')));
    expect(looping).toEqual([1]);
    const away = await collectPages('/api/public/a', () => Promise.resolve(page([1], 'https://elsewhere.example/x')));
    expect(away).toEqual([1]);
  });
});
