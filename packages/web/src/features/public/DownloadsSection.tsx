import { useTranslation } from 'react-i18next';
import type { PublicIndex } from '../../api/publicClient.js';

/** "/api/public/csv/partners.csv" → "partners.csv". */
function fileName(address: string): string {
  return address.slice(address.lastIndexOf('/') + 1);
}

/**
 * The open data as files: the data package, its JSON Schema, and one CSV per kind of record. File
 * names are English words, marked so (a reader in Ukrainian hears them pronounced as such).
 */
export function DownloadsSection({ index }: { index: PublicIndex }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="portal-downloads-heading" className="portal-section">
      <h2 id="portal-downloads-heading">{t('public.data.downloadsHeading')}</h2>
      <p>{t('public.data.downloadsIntro')}</p>
      <ul className="download-list">
        <li>
          <a href={index.downloads.package} download>
            {t('public.data.package')}
          </a>{' '}
          <code lang="en">{fileName(index.downloads.package)}</code>
        </li>
        <li>
          <a href={index.downloads.schema} download>
            {t('public.data.schema')}
          </a>{' '}
          <code lang="en">{fileName(index.downloads.schema)}</code>
        </li>
      </ul>
      <h3>{t('public.data.csvHeading')}</h3>
      <ul className="download-list download-list--columns">
        {index.downloads.csv.map((address) => (
          <li key={address}>
            <a href={address} download>
              <code lang="en">{fileName(address)}</code>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
