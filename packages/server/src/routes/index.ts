import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';
import { registerAuditRoutes } from './audit-routes.js';
import { registerAuthRoutes } from './auth-routes.js';
import { registerCustomerRoutes } from './customer-routes.js';
import { registerExportRoutes } from './export-routes.js';
import { registerImportRoutes } from './import-routes.js';
import { registerDashboardRoutes } from './dashboard-routes.js';
import { registerDocsRoutes } from './docs-routes.js';
import { registerRunRoutes } from './run-routes.js';
import { registerSchemeRoutes } from './scheme-routes.js';
import { registerUserRoutes } from './user-routes.js';

/** A route module mounts its contract routes on the router. */
export type RouteModule = (api: ApiRouter, deps: AppDeps) => void;

/** Every route module; add new areas (customers, runs, …) here. */
export const ROUTE_MODULES: readonly RouteModule[] = [registerAuthRoutes, registerUserRoutes, registerAuditRoutes, registerDashboardRoutes, registerRunRoutes, registerSchemeRoutes, registerCustomerRoutes, registerImportRoutes, registerExportRoutes, registerDocsRoutes];
