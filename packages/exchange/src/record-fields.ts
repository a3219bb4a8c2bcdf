// Shared by the CSV, IATI and FTS mappings: a record is split into the values a format's own
// fields carry exactly and a remainder that travels in the format's escape hatch (the CSV `extra`
// column, the IATI extension, the FTS `compact` object). Joining the two gives the record back.

export type FieldType = 'text' | 'number' | 'boolean' | 'json';

export interface FieldSpec {
  /** The record field, one level of nesting at most: `money.amount`. */
  readonly path: string;
  readonly type: FieldType;
}

export type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which text values a format carries exactly; the others go to the remainder. */
export type TextFits = (text: string) => boolean;

/** Empty text cannot be told from an absent field in CSV or XML. */
export const nonEmptyText: TextFits = (text) => text !== '';

/**
 * XML attributes and trimmed element text lose line breaks, tabs and outer whitespace in many
 * parsers, so only text without them is carried in XML; the rest goes in the extension as JSON.
 */
export const plainLineText: TextFits = (text) => text !== '' && ![...text].some((char) => char.charCodeAt(0) < 0x20) && text.trim() === text;

function fits(value: unknown, type: FieldType, textFits: TextFits): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string' && textFits(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0);
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return value !== undefined;
  }
}

export interface SplitRecord {
  /** Field path → value, for the fields whose value the format carries exactly. */
  readonly values: Map<string, unknown>;
  /** Everything else, shaped like the record (nested objects hold only their uncarried keys). */
  readonly rest: Plain;
}

export function splitRecord(record: Plain, fields: readonly FieldSpec[], textFits: TextFits = nonEmptyText): SplitRecord {
  const values = new Map<string, unknown>();
  const rest: Plain = {};
  const nested = new Map<string, FieldSpec[]>();
  const top = new Map<string, FieldSpec>();
  for (const field of fields) {
    const [head, sub] = splitPath(field.path);
    if (sub === undefined) top.set(head, field);
    else nested.set(head, [...(nested.get(head) ?? []), field]);
  }
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const spec = top.get(key);
    const subs = nested.get(key);
    if (spec) {
      if (fits(value, spec.type, textFits)) values.set(key, value);
      else rest[key] = value;
    } else if (subs && isPlainObject(value)) {
      const carried = new Map<string, unknown>();
      const left: Plain = {};
      for (const [subKey, subValue] of Object.entries(value)) {
        if (subValue === undefined) continue;
        const subSpec = subs.find((field) => splitPath(field.path)[1] === subKey);
        if (subSpec && fits(subValue, subSpec.type, textFits)) carried.set(subSpec.path, subValue);
        else left[subKey] = subValue;
      }
      // An object none of whose keys the format carries (`{}`, or only extras) travels whole, so
      // that it is not mistaken for an absent one.
      if (carried.size === 0) rest[key] = value;
      else {
        for (const [path, subValue] of carried) values.set(path, subValue);
        if (Object.keys(left).length > 0) rest[key] = left;
      }
    } else {
      rest[key] = value;
    }
  }
  return { values, rest };
}

/** The inverse of `splitRecord`: carried values in field order, then the remainder merged in. */
export function joinRecord(values: ReadonlyMap<string, unknown>, rest: Plain, fields: readonly FieldSpec[]): Plain {
  const record: Plain = {};
  for (const field of fields) {
    if (!values.has(field.path)) continue;
    const value = values.get(field.path);
    const [head, sub] = splitPath(field.path);
    if (sub === undefined) record[head] = value;
    else {
      const inner = isPlainObject(record[head]) ? (record[head]) : {};
      inner[sub] = value;
      record[head] = inner;
    }
  }
  for (const [key, value] of Object.entries(rest)) {
    const current = record[key];
    record[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return record;
}

function splitPath(path: string): [string, string | undefined] {
  const dot = path.indexOf('.');
  return dot < 0 ? [path, undefined] : [path.slice(0, dot), path.slice(dot + 1)];
}

/** JSON with object keys sorted at every level, so the same remainder is always the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
  }
  return value;
}

/** Any scalar as text; objects as JSON rather than "[object Object]". */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** Text form of a carried scalar (CSV cells, XML attributes). */
export function encodeScalar(value: unknown, type: FieldType): string {
  if (type === 'json') return JSON.stringify(value);
  return String(value);
}

/** Reads a scalar back from its text form; throws with a message naming what was expected. */
export function decodeScalar(text: string, type: FieldType): unknown {
  switch (type) {
    case 'text':
      return text;
    case 'number': {
      const number = Number(text);
      if (text.trim() === '' || !Number.isFinite(number)) throw new Error(`expected a number, found "${text}"`);
      return number;
    }
    case 'boolean':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new Error(`expected true or false, found "${text}"`);
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new Error(`expected JSON, found "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`);
      }
  }
}

/** `money.perYear` → `money-per-year`: the attribute name of a field in XML. */
export function kebabName(path: string): string {
  return path.replace(/\./g, '-').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
