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
  commitment_id: string | null;
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

/** Crisis rows: the record as JSON plus the columns that clocks, routing and access filter on. */
export interface CrisisEventRow {
  id: string;
  type: string;
  occurred_at: string;
  classification: string;
  owner_partner: string | null;
  doc: string;
  version: number;
  created_at: string;
}

export interface ConsultationRow {
  id: string;
  event_id: string;
  partner: string;
  due_at: string;
  status: string;
  escalated_at: string | null;
  escalated_by: string | null;
  classification: string;
  owner_partner: string | null;
  doc: string;
  version: number;
}

export interface CrisisRequestRow {
  id: string;
  event_id: string;
  state: string;
  classification: string;
  owner_partner: string | null;
  doc: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface OfferRow {
  id: string;
  request_id: string;
  partner: string;
  classification: string;
  owner_partner: string | null;
  doc: string;
  created_at: string;
}

export interface AllocationRow {
  id: string;
  request_id: string;
  doc: string;
  created_at: string;
  created_by: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface NotificationRow {
  id: string;
  at: string;
  kind: string;
  classification: string;
  owner_partner: string | null;
  doc: string;
}

export interface WebhookDeliveryRow {
  id: string;
  topic: string;
  subject_id: string;
  url: string;
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  leased_by: string | null;
  created_at: string;
  delivered_at: string | null;
  last_error: string | null;
}

export interface WebhookAttemptRow {
  delivery_id: string;
  attempt: number;
  at: string;
  by: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
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

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: string;
  partner: string | null;
  /** JSON array of coalition ids. */
  coalitions: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ApiTokenRow {
  id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  scope: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface Tables {
  users: UserRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  login_failures: { id: string; key: string; at: string };
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
  packaged_crisis_requests: { id: string; doc: string };
  crisis_events: CrisisEventRow;
  consultations: ConsultationRow;
  crisis_requests: CrisisRequestRow;
  offers: OfferRow;
  allocations: AllocationRow;
  notifications: NotificationRow;
  webhook_deliveries: WebhookDeliveryRow;
  webhook_attempts: WebhookAttemptRow;
  audit_log: AuditRow;
  audit_head: { id: number; seq: number; hash: string };
  meta: { key: string; value: string };
}

