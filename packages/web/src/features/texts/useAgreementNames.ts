import { useMemo } from 'react';
import { useAgreements } from '../agreements/queries.js';
import { useAgreementName } from '../agreements/useAgreementName.js';

/** Agreement names by id, falling back to the id while the list loads. */
export function useAgreementNames(): (id: string) => string {
  const agreements = useAgreements();
  const nameOf = useAgreementName();
  return useMemo(() => {
    const byId = new Map(
      (agreements.data?.items ?? []).map((agreement) => [agreement.id, nameOf(agreement)]),
    );
    return (id: string) => byId.get(id) ?? id;
  }, [agreements.data, nameOf]);
}
