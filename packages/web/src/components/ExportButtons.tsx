import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob, fileStem } from './csv.js';

/** "Download PNG" and "Download SVG" for a chart or the map; each producer runs only when clicked. */
export function ExportButtons({
  filename,
  png,
  svg,
}: {
  filename: string;
  png: () => Promise<Blob> | Blob;
  svg: () => Promise<string> | string;
}) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setFailed(false);
    try {
      await work();
    } catch {
      setFailed(true);
    }
  };
  const stem = fileStem(filename);
  return (
    <div className="table-tools export-tools">
      <button
        type="button"
        className="button-small"
        onClick={() => void run(async () => downloadBlob(await png(), `${stem}.png`))}
      >
        {t('export.png')}
        <span className="visually-hidden">: {filename}</span>
      </button>
      <button
        type="button"
        className="button-small"
        onClick={() =>
          void run(async () =>
            downloadBlob(new Blob([await svg()], { type: 'image/svg+xml;charset=utf-8' }), `${stem}.svg`),
          )
        }
      >
        {t('export.svg')}
        <span className="visually-hidden">: {filename}</span>
      </button>
      {failed ? (
        <span className="field-error" role="alert">
          {t('export.failed')}
        </span>
      ) : null}
    </div>
  );
}
