import en from '../../i18n/en.json';

// Keys of the translated vocabularies, so data values (capability areas) can be checked before
// they are used as typed translation keys.

export type CapabilityKey = keyof typeof en.capability;

/** Capability areas in the order the vocabulary lists them: the heatmap's row order. */
export const CAPABILITY_ORDER = Object.keys(en.capability) as CapabilityKey[];

export function isCapability(area: string): area is CapabilityKey {
  return Object.prototype.hasOwnProperty.call(en.capability, area);
}
