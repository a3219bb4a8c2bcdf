import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/compact.js', import.meta.url));

async function compact(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...process.env, DATABASE_URL: '' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('backup and restore from the command line', { timeout: 120_000 }, () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'compact-backup-cli-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('restores a backup into an empty database with the same records and audit chain, and only there', async () => {
    const source = join(folder, 'source.sqlite');
    const target = join(folder, 'target.sqlite');
    const file = join(folder, 'backup.json.gz');
    expect((await compact(['--db', source, 'reset', '--yes'])).code).toBe(0);
    const backup = await compact(['--db', source, 'backup', '--out', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/wrote .*backup\.json\.gz: \d+ rows/);
    expect((await compact(['--db', target, 'reset', '--yes', '--empty'])).code).toBe(0);
    const restored = await compact(['--db', target, 'restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/audit chain verified \(1 entries\)/);
    const exported = async (db: string) => {
      const out = join(folder, `${db.endsWith('source.sqlite') ? 'a' : 'b'}.json`);
      expect((await compact(['--db', db, 'export', '--out', out])).code).toBe(0);
      const { readFileSync } = await import('node:fs');
      return { ...(JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>), asOf: undefined };
    };
    expect(await exported(target)).toEqual(await exported(source));
    const again = await compact(['--db', target, 'restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
    const notBackup = await compact(['--db', join(folder, 'c.sqlite'), 'restore', bin]);
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr).toMatch(/is not a Compact backup/);
  });
});
