export { Accounts, DEFAULT_ACCOUNT_POLICY, type AccountPolicy, type ApiToken, type Authentication, type SessionGrant } from './accounts.js';
