import { useTranslation } from 'react-i18next';

/** A confidence mark kept in an extra field of a record (such as `foundedConfidence`), if it is one. */
export function confidenceField(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  return typeof value === 'string' ? value : undefined;
}

/** Shows how far a fact can be trusted: "unverified" for M, "sources disagree" for V*; nothing otherwise. */
export function ConfidenceBadge({ confidence }: { confidence: unknown }) {
  const { t } = useTranslation();
  if (confidence === 'M') {
    return (
      <span className="badge badge--unverified" title={t('confidence.M_hint')}>
        {t('confidence.M')}
      </span>
    );
  }
  if (confidence === 'V*') {
    return (
      <span className="badge badge--disputed" title={t('confidence.V*_hint')}>
        {t('confidence.V*')}
      </span>
    );
  }
  return null;
}
