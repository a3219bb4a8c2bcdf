import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.js';
import type { PartnerView } from '../../api/types.js';
import { useLanguage } from '../../i18n/useLanguage.js';

export const partnerKeys = {
  all: ['partners'] as const,
  list: () => [...partnerKeys.all, 'list'] as const,
};

export function usePartners() {
  return useQuery({ queryKey: partnerKeys.list(), queryFn: ({ signal }) => api.partners(signal) });
}

/** Names partners in the active language; falls back to the English name, then to the code. */
export function usePartnerName(): (code: string | null | undefined) => string {
  const { data } = usePartners();
  const language = useLanguage();
  const byCode = useMemo(
    () => new Map<string, PartnerView>((data?.items ?? []).map((p) => [p.code, p])),
    [data],
  );
  return useCallback(
    (code) => {
      if (!code) return '';
      const partner = byCode.get(code);
      if (!partner) return code;
      return (language === 'uk' ? partner.nameUk : undefined) ?? partner.name;
    },
    [byCode, language],
  );
}
