import { ApiError } from '../../api/client.js';

/** "$.lines[0].quantity" → "lines.0.quantity", the names the forms give their fields. */
export function fieldName(path: string): string {
  return path
    .replace(/^\$\.?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');
}

/** The API's problems by field; a path the form does not show still appears in the form's message. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  const issues = error.issues.length
    ? error.issues
    : error.path
      ? [{ path: error.path, message: error.message.replace(`${error.path}: `, '') }]
      : [];
  for (const issue of issues) {
    const name = fieldName(issue.path);
    if (name && out[name] === undefined) out[name] = issue.message;
  }
  return out;
}
