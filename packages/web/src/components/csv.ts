/** One CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Rows as CSV with CRLF line ends, led by a byte-order mark so spreadsheet programs read the
 * Ukrainian names as UTF-8. A cell that starts like a formula is prefixed with an apostrophe, so
 * opening the file never runs what a record's text says.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const safe = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !/^-?\d/.test(cell) ? `'${cell}` : cell);
  return `\uFEFF${rows.map((row) => row.map((cell) => csvField(safe(cell))).join(',')).join('\r\n')}\r\n`;
}

/** The visible text of a cell: what the reader sees, without screen-reader-only words or controls. */
export function cellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden, [aria-hidden="true"], .no-csv, svg'))
    hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A table's header and body rows as text; a cell spanning several columns is repeated. */
export function tableRows(table: HTMLTableElement): string[][] {
  const rows: string[][] = [];
  for (const row of table.querySelectorAll('tr')) {
    if (row.closest('table') !== table) continue;
    const cells: string[] = [];
    for (const cell of row.querySelectorAll(':scope > th, :scope > td')) {
      const text = cellText(cell);
      const span = Number(cell.getAttribute('colspan') ?? '1') || 1;
      for (let i = 0; i < span; i++) cells.push(i === 0 ? text : '');
    }
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

/** Offers a file to the reader: a link to a blob, clicked and released. */
export function downloadBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Released later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A file name from a title: lower case, words joined by hyphens, Latin and Cyrillic kept. */
export function fileStem(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'compact'
  );
}
