// The tracker's GDP column merged into a partner's GDP figures: one figure per year. A figure the
// tracker gave before is replaced (a new release); a figure from another source is kept, and the
// tracker's is reported as not taken, because someone chose that source on purpose.
import type { GdpFigure } from '@compact/core';
import { KIEL_SOURCE } from './map.js';

export interface GdpMerge {
  readonly gdp: GdpFigure[];
  readonly added: number;
  readonly replaced: number;
  /** Years whose figure came from another source and was kept. */
  readonly kept: Array<{ year: number; source: string }>;
}

function fromTracker(figure: GdpFigure): boolean {
  return figure.sources.some((source) => source.url === KIEL_SOURCE.url || source.title === KIEL_SOURCE.title);
}

export function mergeGdp(existing: readonly GdpFigure[] | undefined, incoming: readonly GdpFigure[]): GdpMerge {
  const byYear = new Map<number, GdpFigure>((existing ?? []).map((figure) => [figure.year, figure]));
  let added = 0;
  let replaced = 0;
  const kept: GdpMerge['kept'] = [];
  for (const figure of incoming) {
    const current = byYear.get(figure.year);
    if (current && !fromTracker(current)) {
      kept.push({ year: figure.year, source: current.sources[0]?.title ?? current.sources[0]?.url ?? 'another source' });
      continue;
    }
    if (current) replaced++;
    else added++;
    byYear.set(figure.year, figure);
  }
  return { gdp: [...byYear.values()].sort((a, b) => a.year - b.year), added, replaced, kept };
}
