export { exportIati, type IatiExportOptions, type IatiSource } from './export.js';
export { importIati, type IatiImport, type IatiImportOptions, type PartnerName } from './import.js';
export { COMPACT_IATI_NAMESPACE, DAC_SECTOR, TRANSACTION_TYPE } from './mapping.js';
