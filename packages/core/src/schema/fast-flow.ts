// A fast path for bulk flow validation. Zod's parse of one Flow costs some 10–20 µs (a loose object,
// refinements, nested sources and money); a tracker import of 100,000 rows spent more time there
// than in the database. Flows in the plain form importers produce are checked here by hand, with
// the same rules; anything else (an unusual field, a doubtful value) returns null and goes through
// the schema. fast-flow.test.ts checks on random flows that this never accepts what the schema
// refuses and returns what the schema returns.
import { regexes } from 'zod';
import { AidType, CapabilityArea, DatePrecision, FlowStage } from './vocabulary.js';
import { Classification, Confidence } from './common.js';
import { Flow } from './entities.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const PARTNER = /^[A-Z]{2}$/;
/** Amounts whose validity needs no currency table: whole euros or euro cents. */
const EUR_AMOUNT = /^\d+(\.\d{1,2})?$/;

const sets = {
  aidType: new Set<unknown>(AidType.options),
  capabilityArea: new Set<unknown>(CapabilityArea.options),
  stage: new Set<unknown>(FlowStage.options),
  onPrecision: new Set<unknown>(DatePrecision.options),
  classification: new Set<unknown>(Classification.options),
  confidence: new Set<unknown>(Confidence.options),
};

const isId = (value: unknown): boolean => typeof value === 'string' && value.length >= 1 && value.length <= 200 && ID.test(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

function isMoney(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) if (key !== 'amount' && key !== 'currency') return false;
  return value.currency === 'EUR' && typeof value.amount === 'string' && EUR_AMOUNT.test(value.amount);
}

function isQuantity(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    if (key === 'value') {
      if (typeof field !== 'number' || !Number.isFinite(field) || field < 0) return false;
    } else if (key === 'item' || key === 'unit') {
      if (typeof field !== 'string' || field.length === 0) return false;
    } else return false;
  }
  return typeof value.value === 'number';
}

function isSource(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    if (key === 'url' || key === 'title') {
      if (typeof field !== 'string' || field.length === 0) return false;
    } else if (key === 'publisher' || key === 'note') {
      if (typeof field !== 'string') return false;
    } else return false;
  }
  return typeof value.url === 'string' || typeof value.title === 'string';
}

/** Fields this path checks itself; any other field of the schema sends the flow to zod. */
const CHECKS: Record<string, (value: unknown) => boolean> = {
  id: isId,
  commitmentId: (value) => value === undefined || value === null || isId(value),
  provider: (value) => value === undefined || (typeof value === 'string' && PARTNER.test(value)),
  beneficiary: (value) => value === undefined || (typeof value === 'string' && PARTNER.test(value)),
  capabilityArea: (value) => value === undefined || value === null || sets.capabilityArea.has(value),
  aidType: (value) => value === undefined || sets.aidType.has(value),
  stage: (value) => sets.stage.has(value),
  on: (value) => typeof value === 'string' && regexes.date.test(value),
  onPrecision: (value) => value === undefined || sets.onPrecision.has(value),
  money: (value) => value === undefined || value === null || isMoney(value),
  quantity: (value) => value === undefined || value === null || isQuantity(value),
  parentFlowId: (value) => value === undefined || value === null || isId(value),
  restatesFlowId: (value) => value === undefined || value === null || isId(value),
  newMoney: (value) => value === undefined || typeof value === 'boolean',
  description: (value) => value === undefined || typeof value === 'string',
  externalId: (value) => value === undefined || typeof value === 'string',
  classification: (value) => value === undefined || sets.classification.has(value),
  sources: (value) => value === undefined || (Array.isArray(value) && value.every(isSource)),
  confidence: (value) => value === undefined || sets.confidence.has(value),
  version: (value) => value === undefined || (typeof value === 'number' && Number.isInteger(value) && value > 0),
};
const SCHEMA_FIELDS = new Set(Object.keys(Flow.shape));

/**
 * The flow as `Flow.parse` would return it, or null when this path cannot tell (then use the
 * schema). Extra fields are kept unchecked, as the loose schema keeps them.
 */
export function parseFlowFast(raw: unknown): Flow | null {
  if (!isPlainObject(raw)) return null;
  for (const key in raw) {
    const check = CHECKS[key];
    if (check) {
      if (!check(raw[key])) return null;
    } else if (SCHEMA_FIELDS.has(key) && raw[key] !== undefined) return null;
  }
  if (!('id' in raw) || !('stage' in raw) || !('on' in raw)) return null;
  if (!raw.commitmentId && raw.provider === undefined) return null;
  if (!raw.money && !raw.quantity) return null;
  // With the schema's defaults already present the record is its own result: no copy.
  if (raw.newMoney !== undefined && raw.classification !== undefined && raw.sources !== undefined) return raw as Flow;
  return { ...raw, newMoney: raw.newMoney ?? true, classification: raw.classification ?? 'public', sources: raw.sources ?? [] } as Flow;
}
