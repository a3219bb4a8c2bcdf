export { readKielFile, readCsv as readKielCsv, readXlsx as readKielXlsx, sniffDelimiter, KielFormatError, type Cell, type RawFile, type RawSheet, type SheetRow } from './read.js';
export { findTable, normaliseHeader, LAYOUTS, type KielLayout, type KielTable } from './layouts.js';
export { DonorMatcher, normaliseName, type PartnerRef, type DonorMatch } from './donors.js';
export { capabilityFromItem } from './capability.js';
export { mergeGdp, type GdpMerge } from './gdp.js';
export * from './map.js';
