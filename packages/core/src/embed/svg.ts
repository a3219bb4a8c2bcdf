/** Text for an SVG element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[character] ?? character);
}

// Presentation attributes, not a <style> element: an embed stays styled under a strict CSP.
export const FONT = 'font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif"';
