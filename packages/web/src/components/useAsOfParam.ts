import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { localIsoDate } from '../format/date.js';

/**
 * A page's day, kept in the address (`?asOf=`, left out when it is today) so that a link opens the
 * page on the day it showed. `read` turns the address's value into the day (today when it is
 * missing or not one the page accepts).
 */
export function useAsOfParam(read: (value: string | null, today: string) => string) {
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const asOf = read(params.get('asOf'), today);
  const setAsOf = useCallback(
    (date: string) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (date === today) next.delete('asOf');
          else next.set('asOf', date);
          return next;
        },
        { replace: true },
      ),
    [setParams, today],
  );
  return { today, asOf, setAsOf };
}
