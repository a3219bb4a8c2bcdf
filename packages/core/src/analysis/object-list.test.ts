import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { objectList } from './object-list.js';

describe('objectList', () => {
  it('is an empty array that takes any values', () => {
    const list = objectList<{ n: number }>();
    expect(Array.isArray(list)).toBe(true);
    expect(list).toHaveLength(0);
    list.push({ n: 1 }, { n: 2 });
    expect(list.map((item) => item.n)).toEqual([1, 2]);
  });

  it('is kept by V8 as an array of any values from the start, unlike a fresh []', () => {
    // V8's own test functions, in a process of its own: what the list is for is its elements kind.
    const module = fileURLToPath(new URL('./object-list.ts', import.meta.url));
    const script = `
      const { objectList } = await import(${JSON.stringify(module)});
      console.log(JSON.stringify({ list: %HasObjectElements(objectList()), literal: %HasObjectElements([]) }));
    `;
    const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout.trim())).toEqual({ list: true, literal: false });
  });
});
