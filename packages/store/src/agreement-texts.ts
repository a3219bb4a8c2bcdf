import {
  Commitment,
  CompactError,
  canWrite,
  formatPath,
  issuesFromZod,
  validationError,
  type AgreementText,
  type ImportedDocument,
  type ProposalStatus,
  type Viewer,
} from '@compact/core';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from './audit.js';
import type { DocumentRow, ProposalRow, RecordRow, Tables } from './schema.js';
import type { Store } from './store.js';
import { visibleTo } from './visibility.js';

export type { ImportedDocument, ProposalStatus };

export interface Proposal {
  id: string;
  agreementId: string;
  documentId: string;
  kind: 'commitment' | 'terms';
  clauseRef: string | null;
  status: ProposalStatus;
  draft: Record<string, unknown>;
  evidence: unknown[];
  decidedBy?: string;
  decidedAt?: string;
  resultId?: string;
  note?: string;
  version: number;
}

export interface TextUpload {
  agreementId: string;
  filename: string;
  format: string;
  sha256: string;
  bytes: number;
  pages?: number | undefined;
  original: Uint8Array;
  analysed: AgreementText;
}

type Guarded = { t: RecordRow };

function toDocument(row: Omit<DocumentRow, 'original_base64' | 'text'>): ImportedDocument {
  return {
    id: row.id,
    agreementId: row.agreement_id,
    filename: row.filename,
    format: row.format,
    sha256: row.sha256,
    bytes: Number(row.bytes),
    ...(row.pages === null ? {} : { pages: Number(row.pages) }),
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

function toProposal(row: ProposalRow): Proposal {
  const { draft, evidence } = JSON.parse(row.doc) as { draft: Record<string, unknown>; evidence: unknown[] };
  return {
    id: row.id,
    agreementId: row.agreement_id,
    documentId: row.document_id,
    kind: row.kind as Proposal['kind'],
    clauseRef: row.clause_ref,
    status: row.status as ProposalStatus,
    draft,
    evidence,
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: row.decided_at } : {}),
    ...(row.result_id ? { resultId: row.result_id } : {}),
    ...(row.note ? { note: row.note } : {}),
    version: Number(row.version),
  };
}

// Every column but the stored original and text, which lists do not need. The visibility filter
// types its table as a registry table, hence the cast.
const DOCUMENT_COLUMNS = ['t.id', 't.agreement_id', 't.filename', 't.format', 't.sha256', 't.bytes', 't.pages', 't.classification', 't.owner_partner', 't.imported_by', 't.imported_at'] as unknown as ReadonlyArray<'t.id'>;

/**
 * Agreement texts and the review queue. A document and its clauses and proposals inherit the
 * agreement's classification and owner, so they are visible exactly to those who see it.
 */
export class AgreementTexts {
  constructor(private readonly store: Store) {}

  private guarded(db: Kysely<Tables> | Transaction<Tables>, table: 'documents' | 'proposals') {
    return (db as unknown as Kysely<Guarded>).selectFrom(`${table} as t` as 't');
  }

  /** Stores the file, its clauses (new or replacing the same refs) and pending proposals, all at once. */
  async importText(upload: TextUpload, viewer: Viewer): Promise<{ document: ImportedDocument; proposals: Proposal[] }> {
    return this.store.transaction(async (trx) => {
      const agreement = await this.store.getIn(trx, 'agreements', upload.agreementId, viewer);
      if (!agreement) throw new CompactError('NOT_FOUND', `agreement "${upload.agreementId}" not found`);
      const owner = (agreement.parties.filter((party) => party !== agreement.beneficiary).length === 1
        ? agreement.parties.find((party) => party !== agreement.beneficiary)
        : null) ?? null;
      if (!canWrite(viewer, { classification: agreement.classification, ownerPartner: owner })) {
        throw new CompactError(viewer.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `you may not import texts for agreement "${agreement.id}"`);
      }
      const documentId = `${upload.agreementId}:${upload.sha256.slice(0, 12)}`;
      const duplicate = await trx.selectFrom('documents').select('id').where('id', '=', documentId).executeTakeFirst();
      if (duplicate) throw new CompactError('ALREADY_EXISTS', `this file (sha256 ${upload.sha256.slice(0, 12)}…) was already imported for "${upload.agreementId}"`, 'file');
      const at = new Date().toISOString();
      const actor = viewer.actor ?? viewer.role;
      await trx
        .insertInto('documents')
        .values({
          id: documentId,
          agreement_id: upload.agreementId,
          filename: upload.filename,
          format: upload.format,
          sha256: upload.sha256,
          bytes: upload.bytes,
          pages: upload.pages ?? null,
          original_base64: Buffer.from(upload.original).toString('base64'),
          text: upload.analysed.text,
          classification: agreement.classification,
          owner_partner: owner,
          imported_by: actor,
          imported_at: at,
        })
        .execute();
      const source = { title: `${upload.filename} (sha256 ${upload.sha256.slice(0, 12)}…)`, note: `imported text, document ${documentId}` };
      for (const clause of upload.analysed.clauses) {
        const record = { ...clause, classification: agreement.classification, sources: [source], documentId };
        const id = `${clause.agreementId}:${clause.ref}`;
        const current = await this.store.getIn(trx, 'clauses', id);
        if (current) await this.store.updateIn(trx, 'clauses', id, record, viewer, current.version);
        else await this.store.createIn(trx, 'clauses', record, viewer);
      }
      const proposals: Proposal[] = [];
      for (const [index, proposal] of upload.analysed.proposals.entries()) {
        const row: ProposalRow = {
          id: `${documentId}:${index + 1}`,
          agreement_id: upload.agreementId,
          document_id: documentId,
          kind: proposal.kind,
          clause_ref: proposal.clauseRef,
          status: 'pending',
          doc: JSON.stringify({ draft: proposal.draft, evidence: proposal.evidence }),
          classification: agreement.classification,
          owner_partner: owner,
          version: 1,
          created_at: at,
          decided_by: null,
          decided_at: null,
          result_id: null,
          note: null,
        };
        await trx.insertInto('proposals').values(row).execute();
        proposals.push(toProposal(row));
      }
      await appendAudit(
        trx,
        viewer,
        { action: 'import', entity: 'documents', entityId: documentId, before: null, after: { filename: upload.filename, sha256: upload.sha256, clauses: upload.analysed.clauses.length, proposals: proposals.length } },
        at,
      );
      const document = await this.guarded(trx, 'documents').select(DOCUMENT_COLUMNS).where('t.id', '=', documentId).executeTakeFirstOrThrow();
      return { document: toDocument(document as unknown as DocumentRow), proposals };
    });
  }

  async listDocuments(agreementId: string, viewer: Viewer): Promise<ImportedDocument[]> {
    const rows = await this.guarded(this.store.db, 'documents').select(DOCUMENT_COLUMNS).where('t.agreement_id' as 't.id', '=', agreementId).where(visibleTo(viewer)).orderBy('t.imported_at' as 't.id').execute();
    return rows.map((row) => toDocument(row as unknown as DocumentRow));
  }

  async listProposals(filter: { agreementId?: string | undefined; status?: string | undefined }, viewer: Viewer): Promise<Proposal[]> {
    let query = this.guarded(this.store.db, 'proposals').selectAll().where(visibleTo(viewer));
    if (filter.agreementId) query = query.where('t.agreement_id' as 't.id', '=', filter.agreementId);
    if (filter.status) query = query.where('t.status' as 't.id', '=', filter.status);
    const rows = await query.orderBy('t.created_at' as 't.id').orderBy('t.id').execute();
    return rows.map((row) => toProposal(row as unknown as ProposalRow));
  }

  /**
   * Accepting a commitment proposal creates the commitment (the reviewer's edited draft if given)
   * linked to its clause; accepting terms updates the agreement. One transaction, audited.
   */
  async accept(id: string, decision: { version: number; draft?: Record<string, unknown> | undefined }, viewer: Viewer): Promise<{ proposal: Proposal; commitment?: unknown; agreement?: unknown }> {
    return this.store.transaction(async (trx) => {
      const proposal = await this.pending(trx, id, decision.version, viewer);
      const draft = decision.draft ?? proposal.draft;
      let resultId: string;
      let created: Record<string, unknown>;
      if (proposal.kind === 'commitment') {
        const document = await trx.selectFrom('documents').select(['filename', 'sha256']).where('id', '=', proposal.documentId).executeTakeFirstOrThrow();
        const candidate = {
          ...draft,
          agreementId: proposal.agreementId,
          clauseRef: draft.clauseRef ?? proposal.clauseRef,
          sources: [{ title: `${document.filename} (sha256 ${document.sha256.slice(0, 12)}…)`, note: `clause ${typeof draft.clauseRef === 'string' ? draft.clauseRef : (proposal.clauseRef ?? 'unknown')}, accepted from proposal ${id}` }],
        };
        const parsed = Commitment.safeParse(candidate);
        if (!parsed.success) throw validationError(issuesFromZod(parsed.error, ['draft']));
        created = await this.store.createIn(trx, 'commitments', parsed.data, viewer);
        resultId = parsed.data.id;
      } else {
        const agreement = await this.store.getIn(trx, 'agreements', proposal.agreementId, viewer);
        if (!agreement) throw new CompactError('NOT_FOUND', `agreement "${proposal.agreementId}" not found`);
        const { clauseRefs: _refs, ...terms } = draft;
        created = await this.store.updateIn(trx, 'agreements', agreement.id, { ...agreement, ...terms }, viewer, agreement.version);
        resultId = agreement.id;
      }
      const decided = await this.decide(trx, proposal, 'accepted', viewer, { resultId });
      return proposal.kind === 'commitment' ? { proposal: decided, commitment: created } : { proposal: decided, agreement: created };
    });
  }

  async reject(id: string, decision: { version: number; note?: string | undefined }, viewer: Viewer): Promise<{ proposal: Proposal }> {
    return this.store.transaction(async (trx) => {
      const proposal = await this.pending(trx, id, decision.version, viewer);
      return { proposal: await this.decide(trx, proposal, 'rejected', viewer, { note: decision.note }) };
    });
  }

  private async pending(trx: Transaction<Tables>, id: string, version: number, viewer: Viewer): Promise<Proposal> {
    const row = await this.guarded(trx, 'proposals').selectAll().where('t.id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
    if (!row) throw new CompactError('NOT_FOUND', `proposal "${id}" not found`);
    const proposal = toProposal(row as unknown as ProposalRow);
    if (!canWrite(viewer, { classification: row.classification as 'public', ownerPartner: row.owner_partner })) {
      throw new CompactError(viewer.role === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `you may not decide proposal "${id}"`);
    }
    if (proposal.version !== version) {
      throw new CompactError('VERSION_CONFLICT', `proposal "${id}" was changed by someone else (you had version ${version}, it is now ${proposal.version})`, formatPath(['version']), undefined, { current: proposal });
    }
    if (proposal.status !== 'pending') throw new CompactError('VERSION_CONFLICT', `proposal "${id}" was already ${proposal.status}`, '$.version', undefined, { current: proposal });
    return proposal;
  }

  private async decide(
    trx: Transaction<Tables>,
    proposal: Proposal,
    status: 'accepted' | 'rejected',
    viewer: Viewer,
    extra: { resultId?: string; note?: string | undefined },
  ): Promise<Proposal> {
    const at = new Date().toISOString();
    const actor = viewer.actor ?? viewer.role;
    const result = await trx
      .updateTable('proposals')
      .set({ status, decided_by: actor, decided_at: at, result_id: extra.resultId ?? null, note: extra.note ?? null, version: proposal.version + 1 })
      .where('id', '=', proposal.id)
      .where('version', '=', proposal.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new CompactError('VERSION_CONFLICT', `proposal "${proposal.id}" was decided by someone else`, '$.version');
    await appendAudit(trx, viewer, { action: 'update', entity: 'proposals', entityId: proposal.id, before: { status: 'pending' }, after: { status, ...extra } }, at);
    return { ...proposal, status, decidedBy: actor, decidedAt: at, ...(extra.resultId ? { resultId: extra.resultId } : {}), ...(extra.note ? { note: extra.note } : {}), version: proposal.version + 1 };
  }
}
