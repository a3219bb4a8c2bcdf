import type { Briefing } from '@compact/core';
import PDFDocument from 'pdfkit';

const INK = '#1d2733';
const MUTED = '#5b6b80';
const BAR = '#2f6db5';
const SEVERITY_COLOURS: Record<string, string> = { critical: '#a61b1b', high: '#c2571a', medium: '#8a6d00', low: '#3d6b35', info: MUTED };

/**
 * The briefing as an A4 PDF (one or two pages), drawn with pdfkit in this process: no browser at
 * run time. The standard Helvetica fonts cover the English text; the chart is plain rectangles so
 * it prints and extracts as text.
 */
export function briefingPdf(briefing: Briefing): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: briefing.title, Subject: briefing.subtitle, Creator: 'Compact' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;

  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(briefing.title);
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(briefing.subtitle).moveDown();

  heading(doc, 'Key figures');
  for (const figure of briefing.figures) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).text(`${figure.label}: `, { continued: true });
    doc.font('Helvetica').text(figure.value + (figure.note ? ` (${figure.note})` : ''));
  }
  doc.moveDown();

  if (briefing.facts.length) {
    heading(doc, 'Agreements and milestones');
    doc.font('Helvetica').fontSize(9).fillColor(INK);
    for (const fact of briefing.facts) doc.text(`• ${fact}`, { width });
    doc.moveDown();
  }

  heading(doc, briefing.chart.title);
  drawBars(doc, briefing, width);

  heading(doc, 'Top findings');
  if (briefing.findings.length === 0) doc.font('Helvetica').fontSize(9).fillColor(INK).text('No findings.');
  for (const finding of briefing.findings) {
    doc.font('Helvetica-Bold').fontSize(9).fillColor(SEVERITY_COLOURS[finding.severity] ?? INK).text(`${finding.severity.toUpperCase()} ${finding.code}  `, { continued: true });
    doc.font('Helvetica').fillColor(INK).text(finding.message + (finding.clauses.length ? ` Clauses: ${finding.clauses.join('; ')}.` : ''), { width });
    doc.moveDown(0.3);
  }
  doc.moveDown();

  heading(doc, 'Sources');
  doc.font('Helvetica').fontSize(8).fillColor(INK);
  for (const source of briefing.sources) doc.text(`${source.title ? `${source.title}: ` : ''}${source.url ?? ''}`, { width, link: source.url });
  doc.moveDown().font('Helvetica-Oblique').fontSize(8).fillColor(MUTED).text(briefing.caveat, { width });
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Bold').fontSize(12).fillColor(INK).text(text).moveDown(0.3);
}

/** Horizontal bars, one per capability area, each labelled with its amount. */
function drawBars(doc: PDFKit.PDFDocument, briefing: Briefing, width: number): void {
  const bars = briefing.chart.bars.slice(0, 10);
  if (bars.length === 0) {
    doc.font('Helvetica').fontSize(9).fillColor(INK).text('No money committed for the year in the data.').moveDown();
    return;
  }
  const labelWidth = 110;
  const barArea = width - labelWidth - 70;
  const largest = Math.max(...bars.map((bar) => bar.millions), 1e-9);
  let y = doc.y;
  for (const bar of bars) {
    const length = Math.max(1, (bar.millions / largest) * barArea);
    doc.font('Helvetica').fontSize(9).fillColor(INK).text(bar.label, 50, y + 2, { width: labelWidth - 6, lineBreak: false });
    doc.rect(50 + labelWidth, y, length, 12).fill(BAR);
    doc.fillColor(INK).text(bar.millions.toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }), 50 + labelWidth + length + 4, y + 2, { lineBreak: false });
    y += 17;
  }
  doc.x = 50;
  doc.y = y + 8;
}
