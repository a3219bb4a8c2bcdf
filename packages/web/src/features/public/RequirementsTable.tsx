import { useTranslation } from 'react-i18next';
import type { RequirementView } from '../../api/types.js';
import { DownloadCsv } from '../../components/DownloadCsv.js';
import { SourceLinks } from '../../components/SourceLinks.js';
import { useFormatters } from '../../format/useFormatters.js';
import { useLanguage } from '../../i18n/useLanguage.js';
import type { Names } from '../analysis/useNames.js';

/** The requirements the coverage is measured against, each marked illustrative or sourced. */
export function RequirementsTable({ requirements, names }: { requirements: readonly RequirementView[]; names: Names }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const language = useLanguage();
  return (
    <div className="table-scroll" role="region" aria-labelledby="portal-requirements-caption" tabIndex={0}>
      <DownloadCsv>
        <table className="data-table requirements-table">
          <caption id="portal-requirements-caption">{t('public.coverage.requirementsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analysis.colArea')}</th>
              <th scope="col">{t('public.coverage.colPeriod')}</th>
              <th scope="col">{t('public.coverage.colAmount')}</th>
              <th scope="col">{t('public.coverage.colPriority')}</th>
              <th scope="col">{t('public.coverage.colBasis')}</th>
              <th scope="col">{t('public.coverage.colDescription')}</th>
              <th scope="col">{t('common.sources')}</th>
            </tr>
          </thead>
          <tbody>
            {requirements.map((requirement) => (
              <tr key={requirement.id} data-basis={requirement.basis} className={`requirement--${requirement.basis}`}>
                <th scope="row">{names.area(requirement.capabilityArea)}</th>
                <td>{format.period(requirement.period)}</td>
                <td>{format.pledge(requirement) ?? '—'}</td>
                <td>{t(`public.priority.${requirement.priority}`)}</td>
                <td>
                  <span className={`badge badge--${requirement.basis}`}>{t(`public.coverage.basis.${requirement.basis}`)}</span>
                </td>
                <td lang={language === 'uk' ? 'en' : undefined}>{requirement.description ?? ''}</td>
                <td>
                  <SourceLinks sources={requirement.sources} className="sources--compact" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </DownloadCsv>
    </div>
  );
}
