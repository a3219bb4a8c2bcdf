import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../api/types.js';
import { ConfidenceBadge, confidenceField } from '../../components/ConfidenceBadge.js';
import { useFormatters } from '../../format/useFormatters.js';
import { usePartnerName } from '../partners/queries.js';

function Term({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="term">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function AgreementTerms({ agreement }: { agreement: AgreementView }) {
  const partnerName = usePartnerName();
  return <AgreementTermsView agreement={agreement} partnerName={partnerName} />;
}

/** The terms with names given by the caller (the public portal names partners from the public API). */
export function AgreementTermsView({
  agreement,
  partnerName,
}: {
  agreement: AgreementView;
  partnerName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notRecorded = <span className="muted">{t('common.notRecorded')}</span>;
  const consultation = agreement.consultation;

  return (
    <section aria-labelledby="terms-heading">
      <h2 id="terms-heading">{t('detail.terms')}</h2>
      <dl className="terms">
        <Term label={t('detail.parties')}>{format.list(agreement.parties.map(partnerName))}</Term>
        <Term label={t('detail.kind')}>{t(`kind.${agreement.kind}`)}</Term>
        <Term label={t('detail.legalForm')}>{t(`legalForm.${agreement.legalForm}`)}</Term>
        <Term label={t('detail.legallyBinding')}>
          {agreement.legallyBinding === undefined
            ? notRecorded
            : t(agreement.legallyBinding ? 'common.yes' : 'common.no')}
        </Term>
        <Term label={t('detail.signed')}>
          {agreement.signedOn ? format.date(agreement.signedOn) : notRecorded}
        </Term>
        <Term label={t('detail.place')}>{agreement.place ?? notRecorded}</Term>
        <Term label={t('detail.duration')}>
          {typeof agreement.durationYears === 'number'
            ? t('common.years', { count: agreement.durationYears })
            : notRecorded}
        </Term>
        <Term label={t('detail.endsOn')}>
          {agreement.endsOn ? format.date(agreement.endsOn) : notRecorded}
        </Term>
        <Term label={t('detail.onNatoAccession')}>
          {agreement.onNatoAccession ? t(`onNatoAccession.${agreement.onNatoAccession}`) : notRecorded}{' '}
          <ConfidenceBadge confidence={confidenceField(agreement, 'onNatoAccessionConfidence')} />
          {agreement.onNatoAccessionNote ? (
            <span className="note">{agreement.onNatoAccessionNote}</span>
          ) : null}
        </Term>
        <Term label={t('detail.consultation')}>
          {format.consultation(consultation)}
          {consultation ? (
            <>
              {' '}
              <span className="muted">{t(`trigger.${consultation.trigger}`)}</span>
              {consultation.level ? (
                <span className="muted">
                  {' · '}
                  {t('detail.consultationLevel', {
                    level:
                      consultation.level === 'most-senior' ? t('detail.levelMostSenior') : consultation.level,
                  })}
                </span>
              ) : null}{' '}
              <ConfidenceBadge confidence={consultation.confidence} />
            </>
          ) : null}
        </Term>
        <Term label={t('detail.counted')}>{t(agreement.countedByUkraine ? 'common.yes' : 'common.no')}</Term>
        {agreement.notes ? <Term label={t('detail.notes')}>{agreement.notes}</Term> : null}
      </dl>
      <p>
        <ConfidenceBadge confidence={agreement.confidence} />
      </p>
    </section>
  );
}
