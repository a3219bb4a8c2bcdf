import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { localIsoDate } from '../../format/date.js';
import { clampDate } from './partnerStatus.js';

/** The slider moves every frame; the API is asked once the reader pauses. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The map's day, kept in the address (`?asOf=`) and left out of it when it is today. */
export function useMapDate() {
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => localIsoDate(new Date()), []);
  const asOf = clampDate(params.get('asOf'), today);
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
