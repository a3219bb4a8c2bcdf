import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { Proposal } from '../../api/types.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useErrorText } from './AgreementText.js';
import { DraftDetails } from './DraftDetails.js';
import { EditDraftForm, type FieldError } from './EditDraftForm.js';
import { EvidenceText } from './Evidence.js';
import { textKeys, useDecision } from './queries.js';
import { draftFromForm, fieldOfErrorPath, messageWithoutPath, type DraftForm } from './review.js';

type Mode = 'view' | 'edit' | 'reject';

function isConflict(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 409 || error.code === 'VERSION_CONFLICT');
}

/** One proposal: the draft, the words it was read from, and the reviewer's decision. */
export function ProposalCard({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errorText = useErrorText();
  const client = useQueryClient();
  const decision = useDecision();
  const [mode, setMode] = useState<Mode>('view');
  const [note, setNote] = useState('');
  const noteId = useId();
  const headingId = useId();
  const base = { id: proposal.id, agreementId: proposal.agreementId, version: proposal.version };

  const error = decision.error;
  const conflict = isConflict(error);
  const field = error instanceof ApiError && !conflict ? fieldOfErrorPath(error.path) : null;
  const fieldError: FieldError | null =
    field && error instanceof ApiError
      ? { field, message: messageWithoutPath(error.message, error.path) }
      : null;

  const acceptEdited = (form: DraftForm) => {
    if (proposal.kind !== 'commitment') return;
    decision.mutate({ action: 'accept', ...base, draft: draftFromForm(proposal.draft, form) });
  };
  const reject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    decision.mutate({ action: 'reject', ...base, note: note.trim() || undefined });
  };
  const reload = () => {
    decision.reset();
    setMode('view');
    void client.invalidateQueries({ queryKey: textKeys.proposalsAll });
  };

  const status = decision.data?.proposal.status ?? proposal.status;
  const pending = status === 'pending';
  const decided = decision.data?.proposal ?? proposal;

  return (
    <article
      className={`proposal proposal--${status}`}
      data-id={proposal.id}
      data-status={status}
      data-kind={proposal.kind}
      data-version={proposal.version}
      aria-labelledby={headingId}
    >
      <header>
        <h3 id={headingId}>
          {t(`review.kind.${proposal.kind}`)} ·{' '}
          {proposal.clauseRef ? t('review.clause', { ref: proposal.clauseRef }) : t('review.noClause')}
        </h3>
        <span className={`badge proposal-status proposal-status--${status}`}>
          {t(`review.status.${status}`)}
        </span>
      </header>
      <DraftDetails proposal={proposal} />
      <h4 className="visually-hidden">{t('review.evidence')}</h4>
      <EvidenceText agreementId={proposal.agreementId} evidence={proposal.evidence} />

      {!pending ? (
        <p className="decision muted">
          {decided.decidedAt
            ? decided.decidedBy
              ? t('review.decided', {
                  status: t(`review.status.${status}`),
                  who: decided.decidedBy,
                  date: format.date(decided.decidedAt.slice(0, 10)),
                })
              : t('review.decidedNoWho', {
                  status: t(`review.status.${status}`),
                  date: format.date(decided.decidedAt.slice(0, 10)),
                })
            : null}
          {decided.resultId ? <> · {t('review.createdCommitment', { id: decided.resultId })}</> : null}
          {decided.note ? <> · {t('review.rejectNote', { note: decided.note })}</> : null}
        </p>
      ) : null}

      {conflict ? (
        <div className="error conflict" role="alert">
          <p>{t('review.conflict')}</p>
          <button type="button" onClick={reload}>
            {t('review.reload')}
          </button>
        </div>
      ) : error && !fieldError ? (
        <div className="error" role="alert">
          <p>{t('review.failed', { message: errorText(error) })}</p>
        </div>
      ) : null}

      {pending && mode === 'view' ? (
        <div className="actions">
          <button
            type="button"
            disabled={decision.isPending}
            onClick={() => decision.mutate({ action: 'accept', ...base })}
          >
            {decision.isPending ? t('review.working') : t('review.accept')}
          </button>
          {proposal.kind === 'commitment' ? (
            <button
              type="button"
              className="button-quiet"
              disabled={decision.isPending}
              onClick={() => {
                decision.reset();
                setMode('edit');
              }}
            >
              {t('review.edit')}
            </button>
          ) : null}
          <button
            type="button"
            className="button-quiet"
            disabled={decision.isPending}
            onClick={() => {
              decision.reset();
              setMode('reject');
            }}
          >
            {t('review.reject')}
          </button>
        </div>
      ) : null}

      {pending && mode === 'edit' && proposal.kind === 'commitment' ? (
        <EditDraftForm
          draft={proposal.draft}
          busy={decision.isPending}
          fieldError={fieldError}
          onSubmit={acceptEdited}
          onCancel={() => {
            decision.reset();
            setMode('view');
          }}
        />
      ) : null}

      {pending && mode === 'reject' ? (
        <form className="reject-form" onSubmit={reject}>
          <div className="field field--grow">
            <label htmlFor={noteId}>{t('review.note')}</label>
            <input id={noteId} name="note" value={note} onChange={(event) => setNote(event.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" disabled={decision.isPending}>
              {decision.isPending ? t('review.working') : t('review.confirmReject')}
            </button>
            <button
              type="button"
              className="button-quiet"
              disabled={decision.isPending}
              onClick={() => {
                decision.reset();
                setMode('view');
              }}
            >
              {t('review.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
