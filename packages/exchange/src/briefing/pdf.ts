import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Briefing } from '@compact/core';
import PDFDocument from 'pdfkit';

const INK = '#1d2733';
const MUTED = '#5b6b80';
const BAR = '#2f6db5';
const SEVERITY_COLOURS: Record<string, string> = { critical: '#a61b1b', high: '#c2571a', medium: '#8a6d00', low: '#3d6b35', info: MUTED };

// The standard PDF fonts (Helvetica) cover Latin-1 only: a Ukrainian briefing, a partner named
// "Türkiye" or a source titled in Cyrillic needs a font with those letters. DejaVu Sans comes from
// npm (no system font is assumed) and pdfkit embeds only the glyphs used.
const FONT_FOLDER = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  regular: join(FONT_FOLDER, 'DejaVuSans.ttf'),
  bold: join(FONT_FOLDER, 'DejaVuSans-Bold.ttf'),
  italic: join(FONT_FOLDER, 'DejaVuSans-Oblique.ttf'),
} as const;

/**
 * The briefing as an A4 PDF (one or two pages), drawn with pdfkit in this process: no browser at
 * run time. The chart is plain rectangles so it prints and extracts as text. Headings and fixed
 * phrases come with the briefing, in its language.
 */
export function briefingPdf(briefing: Briefing): Promise<Uint8Array<ArrayBuffer>> {
  // Dated by the day the briefing speaks of, not the clock: the same data give the same bytes (the
  // file ID is a hash of the date), so a cached briefing keeps its ETag and a reader can compare two.
  const info = { Title: briefing.title, Subject: briefing.subtitle, Creator: 'Compact', CreationDate: new Date(`${briefing.asOf}T00:00:00Z`) };
  const doc = new PDFDocument({ size: 'A4', margin: 50, lang: briefing.language, info });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;
  const words = briefing.headings;

  doc.font('bold').fontSize(20).fillColor(INK).text(briefing.title);
  doc.font('regular').fontSize(11).fillColor(MUTED).text(briefing.subtitle).moveDown();

  heading(doc, words.keyFigures);
  for (const figure of briefing.figures) {
    doc.font('bold').fontSize(10).fillColor(INK).text(`${figure.label}: `, { continued: true });
    doc.font('regular').text(figure.value + (figure.note ? ` (${figure.note})` : ''));
  }
  doc.moveDown();

  if (briefing.facts.length) {
    heading(doc, words.agreementsAndMilestones);
    doc.font('regular').fontSize(9).fillColor(INK);
    for (const fact of briefing.facts) doc.text(`• ${fact}`, { width });
    doc.moveDown();
  }

  heading(doc, briefing.chart.title);
  drawBars(doc, briefing, width);

  heading(doc, words.topFindings);
  if (briefing.findings.length === 0) doc.font('regular').fontSize(9).fillColor(INK).text(words.noFindings);
  for (const finding of briefing.findings) {
    doc.font('bold').fontSize(9).fillColor(SEVERITY_COLOURS[finding.severity] ?? INK).text(`${finding.severityLabel.toUpperCase()} ${finding.code}  `, { continued: true });
    doc.font('regular').fillColor(INK).text(finding.message + (finding.clauses.length ? ` ${words.clauses}: ${finding.clauses.join('; ')}.` : ''), { width });
    doc.moveDown(0.3);
  }
  doc.moveDown();

  heading(doc, words.sources);
  doc.font('regular').fontSize(8).fillColor(INK);
  for (const source of briefing.sources) doc.text(`${source.title ? `${source.title}: ` : ''}${source.url ?? ''}`, { width, link: source.url });
  doc.moveDown().font('italic').fontSize(8).fillColor(MUTED).text(briefing.caveat, { width });
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('bold').fontSize(12).fillColor(INK).text(text).moveDown(0.3);
}

/** Horizontal bars, one per capability area, each labelled with its amount. */
function drawBars(doc: PDFKit.PDFDocument, briefing: Briefing, width: number): void {
  const bars = briefing.chart.bars.slice(0, 10);
  if (bars.length === 0) {
    doc.font('regular').fontSize(9).fillColor(INK).text(briefing.headings.noMoney).moveDown();
    return;
  }
  const labelWidth = 130;
  const barArea = width - labelWidth - 70;
  const largest = Math.max(...bars.map((bar) => bar.millions), 1e-9);
  let y = doc.y;
  for (const bar of bars) {
    const length = Math.max(1, (bar.millions / largest) * barArea);
    doc.font('regular').fontSize(9).fillColor(INK).text(bar.label, 50, y + 2, { width: labelWidth - 6, lineBreak: false, ellipsis: true });
    doc.rect(50 + labelWidth, y, length, 12).fill(BAR);
    doc.fillColor(INK).text(bar.millionsText, 50 + labelWidth + length + 4, y + 2, { lineBreak: false });
    y += 17;
  }
  doc.x = 50;
  doc.y = y + 8;
}
