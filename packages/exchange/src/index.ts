export * from './kiel/index.js';
