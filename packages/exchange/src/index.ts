export * from './csv/index.js';
export * from './iati/index.js';
export * from './fts/index.js';
export * from './kiel/index.js';
export * from './briefing/index.js';
