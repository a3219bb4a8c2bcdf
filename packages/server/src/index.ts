export { createApp, type AppOptions } from './app.js';
export { startServer, type RunningServer } from './serve.js';
export { VIEWER_HEADER, parseViewerHeader, type ViewerPolicy } from './viewer.js';
export { CrisisScheduler, type SchedulerOptions, type TickReport } from './crisis/scheduler.js';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, DELIVERY_HEADER, TOPIC_HEADER } from './crisis/webhooks.js';
export { mayHear } from './routes/live.js';
