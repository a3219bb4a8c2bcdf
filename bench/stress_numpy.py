#!/usr/bin/python3
"""The stress test's core loop, vectorised over trials with NumPy, on inputs exported by
bench/stress-bench.ts (the compiled model of packages/core/src/stress). Same random numbers
(counter-based lowbias32 hash, Acklam's normal quantile), same outcomes, same cell totals; no
criticality and no summaries. Prints one line of JSON: the loop's median time and the mean
coverage of each live cell (the bench checks them against the TypeScript kernel).

Run: /usr/bin/python3 bench/stress_numpy.py input.json [repeats]
"""
import json
import sys
import time

import numpy as np

U32 = np.uint32


def mix32(x):
    x = x ^ (x >> U32(16))
    x = x * U32(0x7FEB352D)
    x = x ^ (x >> U32(15))
    x = x * U32(0x846CA68B)
    return x ^ (x >> U32(16))


def key_state(state, key):
    return mix32(state ^ U32(key))


def uniform_of(own, draw):
    bits = mix32(own + U32(draw) + U32(0x632BE5AB))
    return (bits.astype(np.float64) + 0.5) / 4294967296.0


def uniform(state, key, draw):
    return uniform_of(key_state(state, key), draw)


A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
LOW = 0.02425


def normal_quantile(p):
    q = p - 0.5
    r = q * q
    central = (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
    tail_p = np.minimum(p, 1 - p)
    t = np.sqrt(-2 * np.log(tail_p))
    tail = (((((C[0] * t + C[1]) * t + C[2]) * t + C[3]) * t + C[4]) * t + C[5]) / ((((D[0] * t + D[1]) * t + D[2]) * t + D[3]) * t + 1)
    tail = np.where(p < 0.5, tail, -tail)
    return np.where((p < LOW) | (p > 1 - LOW), tail, central)


STEPS = 4096


def fast_normal_quantile(p, table):
    """The kernel's Φ⁻¹: linear interpolation in a 4,096-step table in the centre, Acklam in the tails."""
    x = p * STEPS
    i = np.clip(x.astype(np.int64), 0, STEPS - 1)
    low = table[i]
    out = low + (table[i + 1] - low) * (x - i)
    tails = (p < LOW) | (p > 1 - LOW)
    out[tails] = normal_quantile(p[tails])
    return out


def simulate(m):
    trials = m["trials"]
    t = np.arange(trials, dtype=U32)
    state = mix32(mix32(np.array([(m["seed"] ^ 0x9E3779B9) & 0xFFFFFFFF], dtype=U32))[0] ^ t)
    wg, wp, wo = m["loadings"]["global"], m["loadings"]["partner"], m["loadings"]["own"]
    d0, d1 = m["delayMonths"]
    f0, f1 = m["partialFraction"]
    grid = np.arange(STEPS + 1) / STEPS
    with np.errstate(divide="ignore", invalid="ignore"):
        table = normal_quantile(grid)
    table[0], table[-1] = -np.inf, np.inf
    g = fast_normal_quantile(uniform(state, m["globalKey"], 0), table)
    partner = [fast_normal_quantile(uniform(state, key, 0), table) for key in m["partnerKey"]]
    total = np.zeros((len(m["required"]), trials))
    start = m["contributionStart"]
    for i in range(len(m["commitmentKey"])):
        key = m["commitmentKey"][i]
        own = key_state(state, key)
        x = wg * g + wp * partner[m["partnerOf"][i]] + wo * fast_normal_quantile(uniform_of(own, 0), table)
        u = uniform_of(own, 1)
        withdrawn = x < m["withdrawnBelow"][i]
        partial = ~withdrawn & (x < m["partialBelow"][i])
        late_draw = ~withdrawn & ~partial & (x < m["lateBelow"][i])
        delay = np.where(late_draw, np.maximum(d0 + (d1 - d0) * u, m["minDelay"][i]), m["minDelay"][i])
        late = np.where(withdrawn | partial, 0.0, delay / 12)
        same = np.where(withdrawn, 0.0, np.where(partial, f0 + (f1 - f0) * u, 1 - late))
        for k in range(start[i], start[i + 1]):
            amount = m["contributionAmount"][k]
            total[m["contributionCell"][k]] += amount * same
            nxt = m["contributionNext"][k]
            if nxt >= 0:
                total[nxt] += amount * late
    live = m["liveCells"]
    required = np.array(m["required"])
    return total[live] / required[live][:, None]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        m = json.load(f)
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    times = []
    coverage = None
    for _ in range(repeats):
        start = time.perf_counter()
        coverage = simulate(m)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(json.dumps({"medianMs": times[len(times) // 2], "runs": repeats, "numpy": np.__version__, "means": coverage.mean(axis=1).tolist()}))


if __name__ == "__main__":
    main()
