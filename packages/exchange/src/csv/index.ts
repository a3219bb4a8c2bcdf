export { CSV_TABLES, EXTRA_COLUMN, csvTable, type CsvTable } from './columns.js';
export { exportCsv, importCsv, readCsv, writeCsv, guardCell, unguardCell, type CsvImport } from './csv.js';
