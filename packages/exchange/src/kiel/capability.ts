// Capability area from a main-sheet row's `item`, only when exactly one area's words occur: "155mm
// ammunition" is artillery, "Leopard 2 tanks" armour; "IRIS-T and Leopard" stays unassigned.
import type { CapabilityArea } from '@compact/core';

const AREAS: ReadonlyArray<[CapabilityArea, RegExp]> = [
  ['air-defence', /air[ -]?defen[cs]e|\bpatriot\b|iris-?t|nasams|gepard|\bhawk\b|stinger|samp\/?t|crotale|aspide|skynex|skyguard|\bmanpads\b/i],
  ['air-force', /\bf-?16\b|fighter jet|\bmirage\b|gripen|\bmig-?29\b/i],
  ['artillery', /howitzer|artillery|caesar|\bpzh\b|\bm777\b|155 ?mm|\b105 ?mm|\bmortars?\b|\bzuzana\b|\bkrab\b|\bdana\b/i],
  ['armour', /\btanks?\b|leopard|abrams|challenger|\bt-?72\b|\bm1a\d\b|bradley|marder|\bcv-?90\b|\bm113\b|stryker|armou?red (?:personnel|vehicle)|\bapcs?\b|\bifvs?\b/i],
  ['drones', /drones?\b|\buavs?\b|\buas\b|bayraktar|switchblade|phoenix ghost|\bfpv\b/i],
  ['demining', /demining|mine[ -]?clear|deminer|mine action/i],
  ['long-range-strike', /storm shadow|\bscalp\b|\batacms\b|\btaurus\b|long[ -]range (?:missile|strike)/i],
  ['maritime', /\bnaval\b|\bboats?\b|minehunter|\bvessels?\b|harpoon|maritime/i],
];

export function capabilityFromItem(item: string): CapabilityArea | null {
  if (!item) return null;
  let found: CapabilityArea | null = null;
  for (const [area, pattern] of AREAS) {
    if (!pattern.test(item)) continue;
    if (found) return null;
    found = area;
  }
  return found;
}
