export { briefingPdf } from './pdf.js';
