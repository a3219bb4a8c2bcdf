import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitmentDraft, Proposal, TermsDraft } from '../../api/types.js';
import { useFormatters } from '../../format/useFormatters.js';
import { readTerms } from './review.js';
import {
  CAPABILITY_AREAS,
  CATEGORIES,
  CONDITIONS,
  FIRMNESS,
  isOneOf,
  NATO_EFFECTS,
  TRIGGERS,
} from './vocabulary.js';

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="term">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function CommitmentDetails({ draft }: { draft: CommitmentDraft }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const conditions = Array.isArray(draft.conditions) ? draft.conditions : [];
  return (
    <dl className="terms draft">
      <Term label={t('review.figure')}>
        <span className="figure">
          {format.pledge(draft) ?? <span className="muted">{t('agreements.noPledges')}</span>}
        </span>
      </Term>
      <Term label={t('detail.colPeriod')}>
        {draft.period ? format.period(draft.period) : t('common.notRecorded')}
      </Term>
      <Term label={t('detail.colCategory')}>
        {isOneOf(CATEGORIES, draft.category)
          ? t(`category.${draft.category}`)
          : (draft.category ?? t('common.notRecorded'))}
      </Term>
      <Term label={t('detail.colCapability')}>
        {isOneOf(CAPABILITY_AREAS, draft.capabilityArea)
          ? t(`capability.${draft.capabilityArea}`)
          : (draft.capabilityArea ?? t('common.notRecorded'))}
      </Term>
      <Term label={t('detail.colFirmness')}>
        {isOneOf(FIRMNESS, draft.firmness)
          ? t(`firmness.${draft.firmness}`)
          : (draft.firmness ?? t('common.notRecorded'))}
      </Term>
      <Term label={t('review.conditions')}>
        {conditions.length === 0
          ? t('review.noConditions')
          : format.list(
              conditions.map((condition) => {
                const label = isOneOf(CONDITIONS, condition.type)
                  ? t(`review.condition.${condition.type}`)
                  : condition.type;
                return condition.text ? `${label} (“${condition.text}”)` : label;
              }),
            )}
      </Term>
      {draft.provider || draft.beneficiary ? (
        <Term label={`${t('review.provider')} → ${t('review.beneficiary')}`}>
          {draft.provider ?? '?'} → {draft.beneficiary ?? '?'}
        </Term>
      ) : null}
    </dl>
  );
}

function TermsDetails({ draft }: { draft: TermsDraft }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { durationYears, consultation, onNatoAccession, termination } = readTerms(draft);
  const ref = (clauseRef: string | undefined) => (clauseRef ? ` · ${clauseRef}` : '');
  return (
    <dl className="terms draft">
      {durationYears ? (
        <Term label={t('review.duration')}>
          {t('common.years', { count: durationYears.value })}
          {ref(durationYears.clauseRef)}
        </Term>
      ) : null}
      {consultation ? (
        <Term label={t('review.consultation')}>
          {format.consultation(consultation.value)}
          {isOneOf(TRIGGERS, consultation.value.trigger)
            ? `, ${t(`trigger.${consultation.value.trigger}`)}`
            : ''}
          {ref(consultation.clauseRef)}
        </Term>
      ) : null}
      {onNatoAccession ? (
        <Term label={t('review.onNatoAccession')}>
          {isOneOf(NATO_EFFECTS, onNatoAccession.value)
            ? t(`onNatoAccession.${onNatoAccession.value}`)
            : onNatoAccession.value}
          {ref(onNatoAccession.clauseRef)}
        </Term>
      ) : null}
      {termination ? (
        <Term label={t('review.termination')}>
          {t('review.noticeMonths', { count: termination.value.noticeMonths })}
          {termination.value.byEitherParty ? `, ${t('review.byEitherParty')}` : ''}
          {ref(termination.clauseRef)}
        </Term>
      ) : null}
    </dl>
  );
}

export function DraftDetails({ proposal }: { proposal: Proposal }) {
  return proposal.kind === 'commitment' ? (
    <CommitmentDetails draft={proposal.draft} />
  ) : (
    <TermsDetails draft={proposal.draft} />
  );
}
