export * from './vocabulary.js';
export * from './state-machine.js';
export * from './schema.js';
export * from './records.js';
export * from './routing.js';
export * from './edxl.js';
export * from './allocation/index.js';
export * from './problem.js';
