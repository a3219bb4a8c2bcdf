import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, type Finding, type Severity } from '../../api/types.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import { FindingCard } from './FindingCard.js';
import {
  codesIn,
  countBySeverity,
  filterFindings,
  groupBySeverity,
  isSeverity,
  NO_FILTER,
  subjectEntries,
  type FindingFilter,
} from './findings.js';
import type { Names } from './useNames.js';

/** How many findings a long group shows before "Show all". */
const GROUP_PREVIEW = 8;

/** Everything a reader might type to find a finding: its words, its code and the names it mentions. */
function useSearchText(names: Names) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (finding: Finding) => {
    const parts = [
      finding.code,
      names.code(finding.code),
      t(`analysis.severity.${finding.severity}`),
      language === 'uk' ? finding.messageUk : finding.message,
      language === 'uk' ? (finding.remedyUk ?? finding.remedy) : finding.remedy,
    ];
    for (const entry of subjectEntries(finding.subject)) {
      for (const value of entry.values) {
        if (value === null) continue;
        const text = String(value);
        parts.push(text);
        if (entry.kind === 'agreement') parts.push(names.agreement(text));
        else if (entry.kind === 'coalition') parts.push(names.coalition(text));
        else if (entry.kind === 'capabilityArea') parts.push(names.area(text));
        else if (['partner', 'provider', 'lead', 'beneficiary'].includes(entry.kind))
          parts.push(names.partner(text));
      }
    }
    for (const clause of finding.clauses) parts.push(clause.ref, names.agreement(clause.agreementId));
    return parts.join(' \n ');
  };
}

export function FindingsSection({
  findings,
  names,
  currency,
}: {
  findings: readonly Finding[];
  names: Names;
  currency: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  // Long groups (dozens of gaps) show their first findings until the reader asks for all.
  const [expanded, setExpanded] = useState<ReadonlySet<Severity>>(() => new Set());
  const toggle = (severity: Severity) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(severity)) next.delete(severity);
      else next.add(severity);
      return next;
    });
  const searchText = useSearchText(names);
  const counts = useMemo(() => countBySeverity(findings), [findings]);
  const codes = useMemo(() => codesIn(findings), [findings]);
  const shown = filterFindings(findings, filter, searchText);
  const groups = groupBySeverity(shown);
  const filtered = filter.severity !== 'all' || filter.code !== 'all' || filter.query.trim() !== '';
  const update = (patch: Partial<FindingFilter>) => setFilter((previous) => ({ ...previous, ...patch }));

  return (
    <section aria-labelledby={`${id}-heading`} className="findings">
      <h2 id={`${id}-heading`}>{t('analysis.findingsHeading')}</h2>
      <p className="lead">{t('analysis.findingsIntro')}</p>
      <ul className="severity-counts" aria-label={t('analysis.bySeverity')}>
        {SEVERITIES.map((severity) => (
          <li key={severity}>
            <span className={`severity severity--${severity}`}>{t(`analysis.severity.${severity}`)}</span>{' '}
            <span className="severity-count">{counts[severity]}</span>
          </li>
        ))}
      </ul>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor={`${id}-severity`}>{t('analysis.filterSeverity')}</label>
          <select
            id={`${id}-severity`}
            name="severity"
            value={filter.severity}
            onChange={(event) =>
              update({ severity: isSeverity(event.target.value) ? event.target.value : 'all' })
            }
          >
            <option value="all">{t('analysis.allSeverities')}</option>
            {SEVERITIES.map((severity: Severity) => (
              <option key={severity} value={severity} disabled={counts[severity] === 0}>
                {t('analysis.optionCount', {
                  label: t(`analysis.severity.${severity}`),
                  n: counts[severity],
                })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('analysis.filterCode')}</label>
          <select
            id={`${id}-code`}
            name="code"
            value={filter.code}
            onChange={(event) => update({ code: event.target.value })}
          >
            <option value="all">{t('analysis.allCodes')}</option>
            {codes.map(({ code, count }) => (
              <option key={code} value={code}>
                {t('analysis.optionCount', { label: names.code(code), n: count })}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-query`}>{t('analysis.filterText')}</label>
          <input
            id={`${id}-query`}
            name="q"
            type="search"
            value={filter.query}
            placeholder={t('analysis.filterTextPlaceholder')}
            onChange={(event) => update({ query: event.target.value })}
          />
        </div>
        {filtered ? (
          <div className="field field--action">
            <button type="button" className="button-quiet" onClick={() => setFilter(NO_FILTER)}>
              {t('analysis.clearFilters')}
            </button>
          </div>
        ) : null}
      </form>
      <p className="summary" aria-live="polite">
        {filtered
          ? t('analysis.findingsShown', { shown: shown.length, total: findings.length })
          : t('analysis.findingsCount', { count: findings.length })}
      </p>
      {findings.length === 0 ? <p className="empty">{t('analysis.noFindings')}</p> : null}
      {findings.length > 0 && shown.length === 0 ? <p className="empty">{t('analysis.noMatches')}</p> : null}
      {groups.map((group) => {
        const open = expanded.has(group.severity) || group.findings.length <= GROUP_PREVIEW + 2;
        const visible = open ? group.findings : group.findings.slice(0, GROUP_PREVIEW);
        return (
          <section
            key={group.severity}
            className={`severity-group severity-group--${group.severity}`}
            aria-labelledby={`${id}-${group.severity}`}
            data-severity={group.severity}
          >
            <h3 id={`${id}-${group.severity}`}>
              {t(`analysis.severityHeading.${group.severity}`)}{' '}
              <span className="muted">({group.findings.length})</span>
            </h3>
            <ul className="finding-list">
              {visible.map((finding) => (
                <li key={finding.id}>
                  <FindingCard finding={finding} names={names} currency={currency} />
                </li>
              ))}
            </ul>
            {group.findings.length > GROUP_PREVIEW + 2 ? (
              <p className="severity-group__more">
                <button
                  type="button"
                  className="button-quiet"
                  aria-expanded={open}
                  onClick={() => toggle(group.severity)}
                >
                  {open ? t('analysis.showFewer') : t('analysis.showAll', { n: group.findings.length })}
                </button>
              </p>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}
