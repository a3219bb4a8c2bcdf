import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, fileStem, tableRows, toCsv } from './csv.js';

/**
 * A data table with a "Download CSV" button: the file holds what the table shows, in the active
 * language, so every table offers its data without a second, drifting export path.
 */
export function DownloadCsv({ filename, children }: { filename?: string; children: ReactNode }) {
  const { t } = useTranslation();
  const scope = useRef<HTMLDivElement>(null);
  const download = () => {
    const table = scope.current?.querySelector('table');
    if (!table) return;
    const csv = toCsv(tableRows(table));
    const name = filename ?? table.caption?.textContent ?? document.title;
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${fileStem(name)}.csv`);
  };
  return (
    <div className="csv-scope" ref={scope}>
      <div className="table-tools">
        <button type="button" className="button-small" onClick={download}>
          {t('export.csv')}
          {filename ? <span className="visually-hidden">: {filename}</span> : null}
        </button>
      </div>
      {children}
    </div>
  );
}
