import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClauseReference, Finding } from '../../api/types.js';
import { isIsoDate } from '../../format/date.js';
import { formatCurrency, formatDecimal, fractionToPercent } from '../../format/number.js';
import { useFormatters } from '../../format/useFormatters.js';
import en from '../../i18n/en.json';
import { useLanguage, useLocale } from '../../i18n/useLanguage.js';
import { clauseAnchor } from '../agreements/clauseAnchor.js';
import { useClauses } from '../agreements/queries.js';
import { subjectEntries, type SubjectEntry, type SubjectKind } from './findings.js';
import type { Names } from './useNames.js';

const KIND_LABELS = {
  agreement: 'analysis.subject.agreement',
  commitment: 'analysis.subject.commitment',
  requirement: 'analysis.subject.requirement',
  coalition: 'analysis.subject.coalition',
  partner: 'analysis.subject.partner',
  provider: 'analysis.subject.provider',
  lead: 'analysis.subject.lead',
  beneficiary: 'analysis.subject.beneficiary',
  capabilityArea: 'analysis.subject.capabilityArea',
  year: 'analysis.subject.year',
  date: 'analysis.subject.date',
  amount: 'analysis.subject.amount',
  fraction: 'analysis.subject.fraction',
} as const satisfies Record<Exclude<SubjectKind, 'other'>, string>;

type SubjectKey = keyof typeof en.analysis.subjectKey;

function isSubjectKey(key: string): key is SubjectKey {
  return Object.prototype.hasOwnProperty.call(en.analysis.subjectKey, key);
}

function agreementPath(id: string): string {
  return `/agreements/${encodeURIComponent(id)}`;
}

interface ValueProps {
  kind: SubjectKind;
  value: string | number | null;
  names: Names;
  /** How amounts are shown: money in the report currency, or plain numbers for quantities. */
  amount: (value: string) => string;
}

function SubjectValue({ kind, value, names, amount }: ValueProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (value === null) return <>{kind === 'capabilityArea' ? names.area(null) : '—'}</>;
  const text = String(value);
  switch (kind) {
    case 'agreement':
      return (
        <Link to={agreementPath(text)} title={names.agreementTitle(text)}>
          {names.agreement(text)}
        </Link>
      );
    case 'commitment': {
      const agreementId = names.commitmentAgreement(text);
      return agreementId ? (
        <Link to={agreementPath(agreementId)} title={names.agreement(agreementId)}>
          <code>{text}</code>
        </Link>
      ) : (
        <code>{text}</code>
      );
    }
    case 'coalition':
      return <Link to="/coalitions">{names.coalition(text)}</Link>;
    case 'partner':
    case 'provider':
    case 'lead':
    case 'beneficiary':
      return <>{names.partner(text)}</>;
    case 'capabilityArea':
      return <>{names.area(text)}</>;
    case 'requirement':
      return <code>{text}</code>;
    case 'date':
      return <>{isIsoDate(text) ? format.date(text) : text}</>;
    case 'amount':
      return <>{amount(text)}</>;
    case 'fraction':
      return <>{t('pledge.shareOfGdp', { value: formatDecimal(fractionToPercent(text), format.locale) })}</>;
    default:
      return <>{text}</>;
  }
}

function SubjectList({ finding, names, currency }: { finding: Finding; names: Names; currency: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const entries = subjectEntries(finding.subject);
  if (entries.length === 0) return null;
  const quantity = finding.subject['measure'] === 'quantity';
  const amount = (value: string) =>
    quantity ? formatDecimal(value, locale) : formatCurrency(value, currency, locale);
  const label = (entry: SubjectEntry) => {
    if (isSubjectKey(entry.key)) return t(`analysis.subjectKey.${entry.key}`);
    if (entry.kind !== 'other') return t(KIND_LABELS[entry.kind]);
    return <code>{entry.key}</code>;
  };
  return (
    <dl className="finding-subject">
      {entries.map((entry) => (
        <div key={entry.key}>
          <dt>{label(entry)}</dt>
          <dd>
            {entry.values.map((value, index) => (
              <span key={`${String(value)}-${index}`}>
                {index > 0 ? t('common.listSeparator') : null}
                <SubjectValue kind={entry.kind} value={value} names={names} amount={amount} />
              </span>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Clause text, when the dataset has it; the references stand on their own otherwise. */
function ClauseText({ clause }: { clause: ClauseReference }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const clauses = useClauses(clause.agreementId);
  if (clauses.isPending) return <span className="muted">{t('common.loading')}</span>;
  if (clauses.isError) return <span className="muted">{t('analysis.clauseTextFailed')}</span>;
  const wanted = clause.ref.trim().toLowerCase();
  const found = clauses.data.items.find((item) => item.ref.trim().toLowerCase() === wanted);
  if (!found) return <span className="muted">{t('analysis.clauseTextMissing')}</span>;
  return (
    <blockquote className="clause-text" lang={language === 'uk' ? 'en' : undefined}>
      {found.heading ? <strong>{found.heading}. </strong> : null}
      {found.text}
    </blockquote>
  );
}

function Clauses({ clauses, names }: { clauses: ClauseReference[]; names: Names }) {
  const { t } = useTranslation();
  if (clauses.length === 0) return null;
  return (
    <div className="finding-clauses">
      <h5>{t('analysis.clausesHeading')}</h5>
      <ul>
        {clauses.map((clause) => (
          <li key={`${clause.agreementId}-${clause.ref}`}>
            <span className="clause-ref">
              <Link to={agreementPath(clause.agreementId)} title={names.agreementTitle(clause.agreementId)}>
                {names.agreement(clause.agreementId)}
              </Link>
              {' · '}
              <Link to={`${agreementPath(clause.agreementId)}#${clauseAnchor(clause.ref)}`} className="clause-link">
                {t('analysis.clauseRef', { ref: clause.ref })}
              </Link>
            </span>
            <ClauseText clause={clause} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SeverityBadge({ severity }: { severity: Finding['severity'] }) {
  const { t } = useTranslation();
  return <span className={`severity severity--${severity}`}>{t(`analysis.severity.${severity}`)}</span>;
}

/** One finding: what is wrong, in the active language, what to do, what it is about, and the clauses behind it. */
export function FindingCard({
  finding,
  names,
  currency,
}: {
  finding: Finding;
  names: Names;
  currency: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const message = language === 'uk' && finding.messageUk ? finding.messageUk : finding.message;
  const messageLang = language === 'uk' && !finding.messageUk ? 'en' : undefined;
  const remedy = language === 'uk' ? (finding.remedyUk ?? finding.remedy) : finding.remedy;
  const remedyLang = language === 'uk' && !finding.remedyUk ? 'en' : undefined;
  return (
    <article
      className={`finding finding--${finding.severity}`}
      aria-labelledby={headingId}
      data-code={finding.code}
      data-finding={finding.id}
    >
      <h4 id={headingId} className="finding-title">
        <SeverityBadge severity={finding.severity} /> {names.code(finding.code)}{' '}
        <code className="finding-code">{finding.code}</code>
      </h4>
      <p className="finding-message" lang={messageLang}>
        {message}
      </p>
      {remedy ? (
        <p className="finding-remedy">
          <strong>{t('analysis.remedy')}:</strong> <span lang={remedyLang}>{remedy}</span>
        </p>
      ) : null}
      <SubjectList finding={finding} names={names} currency={currency} />
      <Clauses clauses={finding.clauses} names={names} />
    </article>
  );
}
