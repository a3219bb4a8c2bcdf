import { fieldName } from '../crisis/errors.js';
import { SUBFIELDS, type FieldSpec } from './fields.js';

// The generic form's pure part: a record to the inputs' raw values and back, the API's problem
// paths to the inputs that show them, and what changed between three versions of a record.

/** The inputs' values by key: a field's path, or "path.part" for the parts of money, quantity, period. */
export type Raw = Record<string, string | boolean>;

type Json = Record<string, unknown>;

function get(record: Json, path: string): unknown {
  return record[path];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/** The raw input values of one field. */
export function fieldRaw(spec: FieldSpec, record: Json): Raw {
  const value = get(record, spec.path);
  const parts = SUBFIELDS[spec.kind];
  if (parts) {
    const object = isObject(value) ? value : {};
    return Object.fromEntries(
      parts.map((part) => [`${spec.path}.${part}`, part === 'perYear' ? object[part] === true : text(object[part])]),
    );
  }
  switch (spec.kind) {
    case 'boolean':
      return { [spec.path]: value === true };
    case 'codes':
    case 'strings':
      return { [spec.path]: Array.isArray(value) ? value.map(text).join(', ') : '' };
    case 'json':
      return { [spec.path]: value === undefined || value === null ? '' : JSON.stringify(value, null, 2) };
    default:
      return { [spec.path]: text(value) };
  }
}

export function toRaw(specs: readonly FieldSpec[], record: Json): Raw {
  return Object.assign({}, ...specs.map((spec) => fieldRaw(spec, record))) as Raw;
}

/** A number as typed, or the text itself when it is not one, so the API names the problem. */
function numberOrText(raw: string): number | string {
  const value = Number(raw.trim().replace(',', '.'));
  return raw.trim() !== '' && Number.isFinite(value) ? value : raw;
}

function setEmpty(out: Json, spec: FieldSpec, base: Json): void {
  // A field the record never had stays absent, so an untouched form sends the record unchanged.
  if (!(spec.path in base)) delete out[spec.path];
  else if (spec.empty === 'null') out[spec.path] = null;
  else if (spec.kind === 'codes' || spec.kind === 'strings') out[spec.path] = [];
  else if (spec.kind === 'boolean' && base[spec.path] !== undefined) out[spec.path] = false;
  else delete out[spec.path];
}

/**
 * The record to send: the base record (so fields the form does not show, and extra fields, are
 * kept) with every shown field replaced by what the inputs hold. JSON that does not parse is
 * reported against its field, by translation key, and nothing is sent.
 */
export function fromRaw(
  specs: readonly FieldSpec[],
  raw: Raw,
  base: Json,
): { body: Json; errors: Record<string, string> } {
  const out: Json = structuredClone(base);
  const errors: Record<string, string> = {};
  for (const spec of specs) {
    const parts = SUBFIELDS[spec.kind];
    if (parts) {
      const values = Object.fromEntries(parts.map((part) => [part, raw[`${spec.path}.${part}`] ?? '']));
      const filled = parts.some((part) => (part === 'perYear' ? values[part] === true : text(values[part]).trim() !== ''));
      if (!filled) {
        setEmpty(out, spec, base);
        continue;
      }
      const previous = get(base, spec.path);
      const object: Json = isObject(previous) ? { ...previous } : {};
      for (const part of parts) {
        const value = values[part];
        if (part === 'perYear') {
          if (value === true) object[part] = true;
          else delete object[part];
        } else if (typeof value === 'string' && value.trim() !== '') {
          object[part] = part === 'value' ? numberOrText(value) : value.trim();
        } else delete object[part];
      }
      out[spec.path] = object;
      continue;
    }
    const value = raw[spec.path];
    if (spec.kind === 'boolean') {
      if (value === true) out[spec.path] = true;
      else setEmpty(out, spec, base);
      continue;
    }
    const typed = typeof value === 'string' ? value : '';
    if (typed.trim() === '') {
      setEmpty(out, spec, base);
      continue;
    }
    switch (spec.kind) {
      case 'number':
        out[spec.path] = numberOrText(typed);
        break;
      case 'codes':
        out[spec.path] = typed
          .split(/[\s,;]+/)
          .map((code) => code.trim().toUpperCase())
          .filter(Boolean);
        break;
      case 'strings':
        out[spec.path] = typed
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
        break;
      case 'json':
        try {
          out[spec.path] = JSON.parse(typed) as unknown;
        } catch {
          errors[spec.path] = 'edit.invalidJson';
        }
        break;
      case 'partner':
        out[spec.path] = typed.trim().toUpperCase();
        break;
      default:
        out[spec.path] = spec.kind === 'textarea' ? typed : typed.trim();
    }
  }
  return { body: out, errors };
}

/**
 * Where the API's problem at `path` ("$.money.amount", "$.status[1].on") is shown: the input of
 * that name, or the field that holds it; null when the form shows no such field.
 */
export function inputOfIssue(specs: readonly FieldSpec[], path: string): string | null {
  const name = fieldName(path);
  if (!name) return null;
  let best: FieldSpec | null = null;
  for (const spec of specs) {
    if (name === spec.path || name.startsWith(`${spec.path}.`)) {
      if (!best || spec.path.length > best.path.length) best = spec;
    }
  }
  if (!best) return null;
  const parts = SUBFIELDS[best.kind];
  if (parts) {
    const part = name.slice(best.path.length + 1).split('.')[0] ?? '';
    return parts.includes(part) ? `${best.path}.${part}` : best.path;
  }
  return best.path;
}

/** One field's value as a line of text, for the conflict table. */
export function fieldText(spec: FieldSpec, raw: Raw): string {
  const parts = SUBFIELDS[spec.kind];
  const keys = parts ? parts.map((part) => `${spec.path}.${part}`) : [spec.path];
  return keys
    .map((key) => {
      const value = raw[key];
      if (value === true) return key.split('.').pop() ?? '';
      if (value === false || value === undefined) return '';
      return value.replace(/\s+/g, ' ').trim();
    })
    .filter(Boolean)
    .join(' · ');
}

export interface DiffRow {
  path: string;
  base: string;
  theirs: string;
  mine: string;
  /** The other editor changed it. */
  theirsChanged: boolean;
  /** The reader changed it too, to something else. */
  clash: boolean;
}

/** The fields that differ between theirs and the base, or between theirs and mine. */
export function diffFields(specs: readonly FieldSpec[], base: Json, theirs: Json, mine: Raw): DiffRow[] {
  const baseRaw = toRaw(specs, base);
  const theirRaw = toRaw(specs, theirs);
  const rows: DiffRow[] = [];
  for (const spec of specs) {
    const row = {
      path: spec.path,
      base: fieldText(spec, baseRaw),
      theirs: fieldText(spec, theirRaw),
      mine: fieldText(spec, mine),
    };
    if (row.base === row.theirs && row.mine === row.theirs) continue;
    const theirsChanged = row.base !== row.theirs;
    rows.push({ ...row, theirsChanged, clash: theirsChanged && row.mine !== row.base && row.mine !== row.theirs });
  }
  return rows;
}
