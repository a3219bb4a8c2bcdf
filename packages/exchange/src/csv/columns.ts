import type { FieldSpec, FieldType } from '../record-fields.js';

/** One CSV file: which package array it holds and its columns, in order. `extra` always comes last. */
export interface CsvTable {
  readonly file: string;
  /** The data package key the rows belong to. */
  readonly key: string;
  readonly columns: readonly FieldSpec[];
}

function cols(spec: string): FieldSpec[] {
  // `name:type`, type defaulting to text; written compactly so the lists read like the docs.
  return spec
    .trim()
    .split(/\s+/)
    .map((entry) => {
      const [path = '', type = 'text'] = entry.split(':');
      return { path, type: type as FieldType };
    });
}

const MONEY = 'money.amount money.currency money.perYear:boolean money.qualifier';
const QUANTITY = 'quantity.value:number quantity.unit quantity.item quantity.qualifier';
const RECORD = 'classification confidence version:number sources:json';

/**
 * The column lists: stable, documented in README.md (a test keeps the two in step). Changing a list
 * changes the published format; append rather than reorder.
 */
export const CSV_TABLES: readonly CsvTable[] = [
  { file: 'package.csv', key: '', columns: cols('field value:json') },
  {
    file: 'partners.csv',
    key: 'partners',
    columns: cols(`code name nameUk nato:boolean eu:boolean g7:boolean natoSince membershipConfidence gdp:json ${RECORD}`),
  },
  {
    file: 'agreements.csv',
    key: 'agreements',
    columns: cols(`id title titleUk parties:json beneficiary kind legalForm legallyBinding:boolean status:json place
      durationYears:number endsOn extension:json termination.noticeMonths:number termination.byEitherParty:boolean
      onNatoAccession onNatoAccessionNote consultation.trigger consultation.withinHours:number consultation.bestEffort:boolean
      consultation.wording consultation.level consultation.atRequestOf consultation.confidence countedByUkraine:boolean
      adherents:json notes ${RECORD}`),
  },
  { file: 'clauses.csv', key: 'clauses', columns: cols(`id agreementId ref heading text topics:json ${RECORD}`) },
  {
    file: 'commitments.csv',
    key: 'commitments',
    columns: cols(`id agreementId clauseRef provider beneficiary category capabilityArea mode ${MONEY} ${QUANTITY}
      shareOfGdp.fraction shareOfGdp.perYear:boolean shareOfGdp.qualifier period.from period.to firmness conditions:json
      coalitionId countsAs description implementation:json ${RECORD}`),
  },
  {
    file: 'coalitions.csv',
    key: 'coalitions',
    columns: cols(`id name nameUk capabilityAreas:json leads:json members:json founded milestones:json membership:json
      requirement:json fairShareKey:json ${RECORD}`),
  },
  {
    file: 'requirements.csv',
    key: 'requirements',
    columns: cols(`id beneficiary capabilityArea period.from period.to ${MONEY} ${QUANTITY} priority basis description ${RECORD}`),
  },
  {
    file: 'flows.csv',
    key: 'flows',
    columns: cols(`id commitmentId provider beneficiary capabilityArea aidType stage on onPrecision dueOn ${MONEY} ${QUANTITY}
      parentFlowId newMoney:boolean restatesFlowId description externalId ${RECORD}`),
  },
  {
    file: 'exchange-rates.csv',
    key: 'exchangeRates',
    columns: cols('currency year:number unitsPerEur eurPerUnit confidence source note'),
  },
  {
    file: 'peace-formula.csv',
    key: 'peaceFormula',
    columns: cols('point:number title titleUk agreementIds:json coalitionIds:json sources:json'),
  },
  {
    file: 'meetings.csv',
    key: 'meetings',
    columns: cols('id name place on until participants:number participantsApproximate:boolean points:json outcome sources:json confidence'),
  },
  { file: 'crisis-requests.csv', key: 'crisisRequests', columns: cols('id') },
];

export const EXTRA_COLUMN = 'extra';

export function csvTable(file: string): CsvTable | undefined {
  return CSV_TABLES.find((table) => table.file === file);
}
