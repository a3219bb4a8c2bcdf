import { useTranslation } from 'react-i18next';
import { crisisApi } from '../../api/client.js';

/** The request as OASIS EDXL-RM messages, to download. */
export function EdxlLinks({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  return (
    <p className="edxl-links">
      {t('crisis.edxl.label')}{' '}
      <a href={crisisApi.edxlUrl(requestId, 'json')} type="application/json">
        {t('crisis.edxl.json')}
      </a>{' '}
      ·{' '}
      <a href={crisisApi.edxlUrl(requestId, 'xml')} type="application/xml">
        {t('crisis.edxl.xml')}
      </a>
    </p>
  );
}
