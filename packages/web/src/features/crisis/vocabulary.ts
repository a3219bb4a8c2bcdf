import en from '../../i18n/en.json';

// The choices of the crisis forms, in the order the translations list them (the core's vocabularies).
export const EVENT_TYPES = Object.keys(en.crisis.eventType) as Array<keyof typeof en.crisis.eventType>;
export const CLASSIFICATIONS = Object.keys(en.crisis.classification) as Array<
  keyof typeof en.crisis.classification
>;
