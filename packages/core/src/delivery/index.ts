export * from './ledger.js';
export * from './totals.js';
export * from './implementation.js';
export * from './coalitions.js';
