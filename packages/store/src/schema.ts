/** Columns every registry table shares: the record itself as JSON, plus what queries filter on. */
export interface RecordRow {
  id: string;
  version: number;
  classification: string;
  /** The partner that owns the record for access control (see core's `directOwner`). */
  owner_partner: string | null;
  /** The validated record as JSON text; extra fields of the package are kept here. */
  doc: string;
  created_at: string;
  updated_at: string;
}

export interface ClauseRow extends RecordRow {
  agreement_id: string;
}

export interface CommitmentRow extends RecordRow {
  agreement_id: string | null;
  coalition_id: string | null;
}

export interface FlowRow extends RecordRow {
  commitment_id: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entity_id: string;
  before_doc: string | null;
  after_doc: string | null;
  prev_hash: string;
  hash: string;
}

export interface DocumentRow {
  id: string;
  agreement_id: string;
  filename: string;
  format: string;
  sha256: string;
  bytes: number;
  pages: number | null;
  original_base64: string;
  text: string;
  classification: string;
  owner_partner: string | null;
  imported_by: string;
  imported_at: string;
}

export interface ProposalRow {
  id: string;
  agreement_id: string;
  document_id: string;
  kind: string;
  clause_ref: string | null;
  status: string;
  /** `{ draft, evidence }` as JSON. */
  doc: string;
  classification: string;
  owner_partner: string | null;
  version: number;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  result_id: string | null;
  note: string | null;
}

export interface StressTestRow {
  id: string;
  status: string;
  /** The run's settings and scenario as JSON. */
  params: string;
  progress_done: number;
  progress_total: number;
  /** The result as JSON, once done. */
  result: string | null;
  error: string | null;
  /** What the requesting viewer could see: `all`, `restricted`, `public` or `partner:XX`. */
  scope: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface Tables {
  stress_tests: StressTestRow;
  documents: DocumentRow;
  proposals: ProposalRow;
  partners: RecordRow;
  agreements: RecordRow;
  clauses: ClauseRow;
  commitments: CommitmentRow;
  coalitions: RecordRow;
  requirements: RecordRow;
  flows: FlowRow;
  exchange_rates: { currency: string; year: number; doc: string };
  peace_formula: { point: number; doc: string };
  meetings: { id: string; doc: string };
  crisis_requests: { id: string; doc: string };
  audit_log: AuditRow;
  audit_head: { id: number; seq: number; hash: string };
  meta: { key: string; value: string };
}

