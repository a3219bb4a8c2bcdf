import type { FieldSpec, FieldType } from '../record-fields.js';

/** The namespace of Compact's IATI extension: what IATI's own elements cannot carry. */
export const COMPACT_IATI_NAMESPACE = 'urn:compact:iati-extension:1';
export const COMPACT_IATI_PREFIX = 'compact';

/** IATI TransactionType codes for a flow's stage. */
export const TRANSACTION_TYPE = { pledge: '12', allocated: '2', delivered: '3' } as const;

export const TRANSACTION_TYPE_NAMES: Readonly<Record<string, string>> = {
  '1': 'Incoming Funds',
  '2': 'Outgoing Commitment',
  '3': 'Disbursement',
  '4': 'Expenditure',
  '5': 'Interest Payment',
  '6': 'Loan Repayment',
  '7': 'Reimbursement',
  '8': 'Purchase of Equity',
  '9': 'Sale of Equity',
  '10': 'Credit Guarantee',
  '11': 'Incoming Commitment',
  '12': 'Outgoing Pledge',
  '13': 'Incoming Pledge',
};

/** Capability areas with a DAC 5 purpose code that clearly applies; the others have none. */
export const DAC_SECTOR: Readonly<Record<string, string>> = {
  demining: '15250',
  humanitarian: '72010',
};

/** IATI ActivityStatus codes used: pipeline and implementation. */
export const ACTIVITY_STATUS = { pipeline: '1', implementation: '2' } as const;

function cols(spec: string): FieldSpec[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [path = '', type = 'text'] = entry.split(':');
      return { path, type: type as FieldType };
    });
}

/** Flow fields IATI's own transaction elements carry: ref, transaction-type, transaction-date, value, description. */
export const STANDARD_FIELDS = cols('id stage on money.amount money.currency description');

/** Flow fields written as attributes of `compact:flow` (named in kebab case: `money.perYear` → `money-per-year`). */
export const EXTENSION_FIELDS = cols(`commitmentId provider beneficiary capabilityArea aidType onPrecision dueOn
  money.perYear:boolean money.qualifier quantity.value:number quantity.unit quantity.item quantity.qualifier
  parentFlowId newMoney:boolean restatesFlowId externalId classification confidence version:number`);

/** Source fields written as attributes of `compact:source`. */
export const SOURCE_FIELDS = cols('url title publisher accessedOn confidence note');
