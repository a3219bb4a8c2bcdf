export { Store, type Stored, type ImportSummary, type Backend, type WriteGrant } from './store.js';
export { openStore, DEFAULT_SQLITE_PATH, type StoreOptions } from './open-store.js';
export type { ListFilters } from './entities.js';
export type { AuditVerification } from './audit.js';
export { AgreementTexts, type ImportedDocument, type Proposal, type ProposalStatus, type TextUpload } from './agreement-texts.js';
export * from './crisis/index.js';
export { StressTests, scopeOf, readableScopes, type StressTestRun, type StressTestStatus } from './stress-tests.js';
export { importFlows, type FlowImportOptions, type FlowImportSummary } from './flow-import.js';
export { backupStore, restoreStore, BACKUP_FORMAT, BACKUP_TABLES, type Backup, type BackupTable, type RestoreSummary } from './backup.js';
