export { createApp, type AppOptions } from './app.js';
export { startServer, type RunningServer } from './serve.js';
export { VIEWER_HEADER, parseViewerHeader, type ViewerPolicy } from './viewer.js';
