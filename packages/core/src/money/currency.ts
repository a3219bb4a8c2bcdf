// ISO 4217 knowledge comes from the runtime's ICU data rather than a hand-kept table.

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCurrencies.has(code);
}

const minorUnitCache = new Map<string, number>();

/** Decimal places of the currency's minor unit (GBP 2, JPY 0, ISK 0). */
export function minorUnits(currency: string): number {
  const cached = minorUnitCache.get(currency);
  if (cached !== undefined) return cached;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits;
  const result = digits ?? 2;
  minorUnitCache.set(currency, result);
  return result;
}
