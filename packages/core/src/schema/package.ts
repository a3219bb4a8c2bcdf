import { z } from 'zod';
import { IsoDate } from './common.js';
import {
  Agreement,
  Clause,
  Coalition,
  Commitment,
  CrisisRequestRecord,
  ExchangeRateRecord,
  Flow,
  Meeting,
  Partner,
  PeaceFormulaPoint,
  Requirement,
} from './entities.js';

export const PACKAGE_FORMAT = 'compact/1';

/** The interchange document read and written by import, export, validate and the bulk API. */
export const DataPackage = z
  .object({
    format: z.literal(PACKAGE_FORMAT, { error: `must be "${PACKAGE_FORMAT}"` }),
    asOf: IsoDate.optional(),
    title: z.string().optional(),
    licence: z.string().optional(),
    partners: z.array(Partner).default([]),
    agreements: z.array(Agreement).default([]),
    clauses: z.array(Clause).default([]),
    commitments: z.array(Commitment).default([]),
    coalitions: z.array(Coalition).default([]),
    requirements: z.array(Requirement).default([]),
    flows: z.array(Flow).default([]),
    exchangeRates: z.array(ExchangeRateRecord).default([]),
    crisisRequests: z.array(CrisisRequestRecord).default([]),
    peaceFormula: z.array(PeaceFormulaPoint).default([]),
    meetings: z.array(Meeting).default([]),
  })
  .loose();
export type DataPackage = z.infer<typeof DataPackage>;
export type DataPackageInput = z.input<typeof DataPackage>;

/** One problem found in a package, with a JSON path such as `$.commitments[3].money.currency`. */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
  readonly code: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

export function issuesFromZod(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath([...prefix, ...issue.path]),
    message: issue.message,
    code: issue.code === 'custom' ? 'INVALID' : issue.code.toUpperCase(),
  }));
}
