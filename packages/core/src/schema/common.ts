import { z } from 'zod';
import { isCurrencyCode, minorUnits } from '../money/currency.js';
import { fractionDigits } from '../money/decimal.js';

/** Calendar date, ISO 8601 (`2024-02-16`), checked to be a real day. */
export const IsoDate = z.iso.date({ error: 'must be an ISO 8601 date such as 2024-02-16' });
export type IsoDate = z.infer<typeof IsoDate>;

/** A date known only to the year or month (`2023`, `2023-11`), as sources often give founding dates. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

/** ISO 3166-1 alpha-2 country code, or `EU`; `XK` (Kosovo) is the code in common use. */
export const PartnerCode = z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter partner code such as GB or EU');
export type PartnerCode = z.infer<typeof PartnerCode>;

export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'may hold letters, digits and . _ : - only');

/** Confidence marks of the sourced facts: V verified, V* sources disagree, M unverified, computed. */
export const Confidence = z.enum(['V', 'V*', 'M', 'computed']);
export type Confidence = z.infer<typeof Confidence>;

export const Classification = z.enum(['public', 'restricted', 'confidential']);
export type Classification = z.infer<typeof Classification>;

export const Source = z
  .object({
    url: z.string().min(1).optional(),
    title: z.string().min(1).optional(),
    publisher: z.string().optional(),
    accessedOn: IsoDate.optional(),
    confidence: Confidence.optional(),
    note: z.string().optional(),
  })
  .loose()
  .refine((source) => source.url !== undefined || source.title !== undefined, {
    message: 'a source needs a url or a title',
  });
export type Source = z.infer<typeof Source>;

export const CurrencyCode = z
  .string()
  .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as EUR, GBP or USD' });

export const Qualifier = z.enum(['at-least', 'up-to', 'approximate']);
export type Qualifier = z.infer<typeof Qualifier>;

/**
 * Money as it travels: the amount is a decimal string in major units, so it is exact. Negative
 * amounts are refused; a reduction is a separate record, not a negative pledge.
 */
export const MoneyAmount = z
  .object({
    amount: z.string({ error: 'must be a decimal string such as "2500000000"' }).superRefine((amount, ctx) => {
      if (/^-\d/.test(amount)) ctx.addIssue({ code: 'custom', message: `must not be negative ("${amount}")` });
      else if (!/^\d+(\.\d+)?$/.test(amount)) {
        ctx.addIssue({ code: 'custom', message: `must be a decimal string such as "2500000000" or "74.4", not "${amount}"` });
      }
    }),
    currency: CurrencyCode,
    perYear: z.boolean().optional(),
    qualifier: Qualifier.optional(),
  })
  .loose()
  .superRefine((money, ctx) => {
    if (!isCurrencyCode(money.currency) || fractionDigits(money.amount) < 0) return;
    const allowed = minorUnits(money.currency);
    const digits = fractionDigits(money.amount);
    if (digits > allowed && /[1-9]/.test(money.amount.split('.')[1]?.slice(allowed) ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `${money.currency} has ${allowed} decimal places; "${money.amount}" has ${digits}`,
      });
    }
  });
export type MoneyAmount = z.infer<typeof MoneyAmount>;

export const Quantity = z
  .object({
    value: z.number().nonnegative('must not be negative'),
    unit: z.string().min(1).optional(),
    item: z.string().min(1).optional(),
    qualifier: Qualifier.optional(),
  })
  .loose();
export type Quantity = z.infer<typeof Quantity>;

/** A share of the provider's GDP, as a decimal fraction ("0.0025" is 0.25 %). */
export const ShareOfGdp = z
  .object({
    fraction: z.string().regex(/^0(\.\d+)?$|^1(\.0+)?$/, 'must be a decimal fraction between 0 and 1'),
    perYear: z.boolean().optional(),
    qualifier: Qualifier.optional(),
  })
  .loose();
export type ShareOfGdp = z.infer<typeof ShareOfGdp>;

/** An inclusive period. */
export const Period = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((period) => period.from <= period.to, { message: 'period ends before it starts', path: ['to'] });
export type Period = z.infer<typeof Period>;

/** Version for optimistic concurrency; assigned by the store, echoed back on update. */
export const Version = z.number().int().positive();

/** Fields every stored record carries. */
export const recordFields = {
  classification: Classification.default('public'),
  sources: z.array(Source).default([]),
  confidence: Confidence.optional(),
  version: Version.optional(),
};
