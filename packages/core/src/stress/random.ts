// Counter-based random numbers: every draw is a pure function of (seed, trial, key, draw), so a
// trial's numbers do not depend on which worker runs it or in which order, and a commitment's
// numbers do not depend on which other commitments exist (what-if scenarios reuse them).

/** Chris Wellons' lowbias32 integer hash: a bijection on 32 bits with good avalanche. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a of a string: the stable 32-bit key of a commitment or partner. */
export function keyOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The hash state of one trial; `uniformAt` derives every draw of the trial from it. */
export function trialState(seed: number, trial: number): number {
  return mix32(mix32((seed ^ 0x9e3779b9) >>> 0) ^ trial);
}

/** The hash state of one key in one trial; `uniformOf` derives its draws from it. */
export function keyState(trialHash: number, key: number): number {
  return mix32(trialHash ^ key);
}

/**
 * Draw `draw` of a key's state: a uniform in (0, 1), never 0 or 1 (so the normal quantile is
 * finite), from 32 random bits. Multiplying by 2⁻³² is exact, the same value as dividing by 2³²,
 * and cheaper.
 */
export function uniformOf(keyHash: number, draw: number): number {
  return (mix32(keyHash + draw + 0x632be5ab) + 0.5) * 2.3283064365386963e-10;
}

export function uniformAt(trialHash: number, key: number, draw: number): number {
  return uniformOf(keyState(trialHash, key), draw);
}

// Acklam's rational approximation of the standard normal quantile (relative error below 1.15e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const LOW = 0.02425;

/** Φ⁻¹(p): −∞ at 0, +∞ at 1. */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/**
 * Φ⁻¹ for the trial loop: in the central region (where 95 % of draws fall) linear interpolation
 * in a table of Acklam's values at 4,096 equal steps of p (error below 5e-6 there, which moves an
 * outcome only for draws within that distance of a threshold), Acklam's formula in the tails.
 * Deterministic: the table is computed the same way everywhere. It halves the loop's time.
 */
const TABLE_STEPS = 4096;
const TABLE = Float64Array.from({ length: TABLE_STEPS + 1 }, (_, i) => normalQuantile(i / TABLE_STEPS));

export function fastNormalQuantile(p: number): number {
  if (p < LOW || p > 1 - LOW) return normalQuantile(p);
  const x = p * TABLE_STEPS;
  const i = x | 0;
  const low = TABLE[i] as number;
  return low + ((TABLE[i + 1] as number) - low) * (x - i);
}

/** Φ(x), by the complementary error function (Numerical Recipes' erfc, fractional error below 1.2e-7): for tests and reports only. */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
