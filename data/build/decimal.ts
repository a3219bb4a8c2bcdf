// Figures in the facts are JSON numbers; the package writes amounts as exact decimal strings.

/**
 * JSON numbers arrive as floats. String() gives the shortest text that reads back as the same
 * float, which is the literal the facts wrote minus a trailing ".0" (7100000000.0 -> "7100000000").
 * Exponent forms would mean the figure is out of the exactly representable range: refuse them.
 */
export function decimalString(value: number): string {
  const text = String(value);
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new RangeError(`${text} cannot be written as an exact decimal string`);
  }
  return text;
}
