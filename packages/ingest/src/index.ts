export { readDocument, decodeText, formatOf, type ReadDocument, type DocumentFormat } from './read-document.js';
