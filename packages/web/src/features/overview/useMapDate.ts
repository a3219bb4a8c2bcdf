import { useEffect, useState } from 'react';
import { useAsOfParam } from '../../components/useAsOfParam.js';
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

/** The map's day, kept in the address (`?asOf=`), never after today. */
export function useMapDate() {
  return useAsOfParam(clampDate);
}
