// `compact brief` end to end: a partner's briefing as PDF whose text (read back with pdfjs) holds
// the key figures, the agreement, the findings and the sources; the network's as Markdown.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readDocument } from '@compact/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/compact.js', import.meta.url));
const dataset = fileURLToPath(new URL('../../../data/compact.json', import.meta.url));

describe('briefings from the command line', { timeout: 120_000 }, () => {
  let folder: string;
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'compact-brief-'));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes the United Kingdom's briefing as a PDF with its figures, agreement, findings and sources", async () => {
    const out = join(folder, 'gb.pdf');
    const { stdout } = await run(process.execPath, [bin, 'brief', '--input', dataset, '--partner', 'gb', '--format', 'pdf', '--out', out, '--as-of', '2025-06-30']);
    expect(stdout).toContain(`wrote ${out}`);
    const bytes = new Uint8Array(readFileSync(out));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const { text, pages } = await readDocument(bytes, 'gb.pdf');
    expect(pages).toBeLessThanOrEqual(2);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('United Kingdom: briefing');
    expect(flat).toContain('Security commitments to Ukraine as of 2025-06-30');
    expect(flat).toContain('Agreements signed with Ukraine: 1');
    expect(flat).toContain('Agreement on Security Co-operation: signed 2024-01-12');
    expect(flat).toMatch(/Committed for 2025: EUR [\d,]+\.\d m/);
    expect(flat).toContain('SINGLE_GUARANTOR');
    expect(flat).toContain('drones');
    expect(flat).toContain('gov.uk');
  });

  it("writes the network's briefing as Markdown, and refuses a partner the data does not hold", async () => {
    const { stdout } = await run(process.execPath, [bin, 'brief', '--input', dataset, '--as-of', '2025-06-30']);
    expect(stdout).toMatch(/^# The network of security agreements\n/);
    expect(stdout).toContain('- **Agreements signed:** 31 (28 counted by Ukraine)');
    expect(stdout).toContain('## Top findings');
    expect(stdout).toMatch(/\| drones \| [\d,]+\.\d \|/);
    const failed = await run(process.execPath, [bin, 'brief', '--input', dataset, '--partner', 'ZZ']).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('no partner "ZZ"');
  });

  it('writes a briefing in Ukrainian: Cyrillic text in the PDF, Ukrainian headings, names and findings', async () => {
    const out = join(folder, 'gb-uk.pdf');
    await run(process.execPath, [bin, 'brief', '--input', dataset, '--partner', 'GB', '--format', 'pdf', '--lang', 'uk', '--out', out, '--as-of', '2025-06-30']);
    const { text } = await readDocument(new Uint8Array(readFileSync(out)), 'gb-uk.pdf');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Велика Британія: брифінг');
    expect(flat).toContain('Безпекові зобов’язання перед Україною станом на 2025-06-30');
    expect(flat).toContain('Ключові показники');
    expect(flat).toContain('Угоди, підписані з Україною: 1');
    expect(flat).toMatch(/Зобов’язання на 2025 рік: [\d\s]+,\d млн EUR/);
    expect(flat).toContain('безпілотні системи');
    expect(flat).not.toContain('Key figures');
    const markdown = await run(process.execPath, [bin, 'brief', '--input', dataset, '--lang', 'uk', '--as-of', '2025-06-30']);
    expect(markdown.stdout).toMatch(/^# Мережа безпекових угод\n/);
    expect(markdown.stdout).toContain('| напрям спроможностей | сума |');
    const refused = await run(process.execPath, [bin, 'brief', '--input', dataset, '--lang', 'de']).catch((error: { code: number; stderr: string }) => error);
    expect((refused as { stderr: string }).stderr).toContain('--lang must be en or uk');
  });
});
