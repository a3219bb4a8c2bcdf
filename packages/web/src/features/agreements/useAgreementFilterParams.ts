import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { localIsoDate } from '../../format/date.js';
import { parseAsOf, parseKind, type KindFilter } from './rows.js';

/**
 * The agreements list's day and kind, kept in the address so a view can be shared. Today and the
 * default kind stay out of it, so a plain address always means "now".
 */
export function useAgreementFilterParams() {
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const update = useCallback(
    (key: 'asOf' | 'kind', value: string, fallback: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value === fallback) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return {
    asOf: parseAsOf(params.get('asOf'), today),
    kind: parseKind(params.get('kind')),
    setAsOf: (value: string) => update('asOf', value, today),
    setKind: (value: KindFilter) => update('kind', value, 'bilateral'),
  };
}
