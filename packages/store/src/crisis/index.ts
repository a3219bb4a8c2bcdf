export { CrisisDesk, type Clock, type CrisisDeskOptions, type EventDetail } from './desk.js';
export { escalateDue, listNotifications, type Escalation, type EscalationOptions } from './escalation.js';
export { WebhookOutbox, DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy, type ClaimedDelivery, type AttemptOutcome, type WebhookDelivery } from './outbox.js';
export { LocalFeed, PostgresFeed, type ChangeFeed, type LiveEvent, type LiveListener } from './feed.js';
