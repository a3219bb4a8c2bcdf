import en from '../../i18n/en.json';

// The choices of the edit form, in the order the translations list them (the core's vocabularies).
export const CATEGORIES = Object.keys(en.category) as Array<keyof typeof en.category>;
export const CAPABILITY_AREAS = Object.keys(en.capability) as Array<keyof typeof en.capability>;
export const FIRMNESS = Object.keys(en.firmness) as Array<keyof typeof en.firmness>;
export const QUALIFIERS = Object.keys(en.review.qualifier) as Array<keyof typeof en.review.qualifier>;
export const CONDITIONS = Object.keys(en.review.condition) as Array<keyof typeof en.review.condition>;
export const FIGURE_KINDS = Object.keys(en.compare.figureKind) as Array<keyof typeof en.compare.figureKind>;
export const G7 = Object.keys(en.g7) as Array<keyof typeof en.g7>;

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
export const NATO_EFFECTS = Object.keys(en.onNatoAccession) as Array<keyof typeof en.onNatoAccession>;
export const TRIGGERS = Object.keys(en.trigger) as Array<keyof typeof en.trigger>;
