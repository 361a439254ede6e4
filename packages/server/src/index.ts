export { createApp, type AppOptions } from './app.js';
export { startServer, type RunningServer, type ServerOptions } from './start-server.js';
export { defaultWebRoot } from './web-root.js';
export { hasBuiltWeb } from './web/serve-web.js';
export type { AppDeps, AppEnv, SessionState } from './app-env.js';
export { ApiRouter, type RouteHandler, type RouteInput } from './http/api-router.js';
export { requireRole } from './http/require-role.js';
export { HttpProblem } from './http/http-problem.js';
