import type { RequestState } from '@compact/core';
import { useTranslation } from 'react-i18next';

export function StateBadge({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return (
    <span className={`status request-state request-state--${state}`} data-state={state}>
      {t(`crisis.state.${state}`)}
    </span>
  );
}
