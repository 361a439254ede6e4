import { z } from 'zod';
import { defineRoute } from './route.js';
import { runCountsSchema, runSummarySchema, serviceClassInfoSchema } from './runs.js';

const count = z.number().int().min(0);

const groupCountsSchema = z.object({
  group: z.string(),
  customers: count,
  valueCells: z.record(z.string(), count),
  serviceClasses: z.record(z.string(), count),
});

/** [current value, potential value, customer id, market] */
export const matrixPointSchema = z.tuple([z.number(), z.number(), z.string(), z.string()]);

/** One run as the caller may see it. */
export const dashboardSummarySchema = runCountsSchema.extend({
  run: runSummarySchema,
  classes: z.array(serviceClassInfoSchema),
  byDistrict: z.array(groupCountsSchema),
  byMarket: z.array(groupCountsSchema),
  byFormat: z.array(groupCountsSchema),
  matrix: z.object({
    thresholds: z.object({ current: z.record(z.string(), z.number()), potential: z.record(z.string(), z.number()) }),
    scopes: z.object({ current: z.enum(['all', 'market']), potential: z.enum(['all', 'market']) }),
    /** At most this many customers per value cell are drawn (by the MD5 of their id). */
    perCell: count,
    /** Customers drawn; fewer than `customers` when the picture is a sample. */
    shown: count,
    points: z.record(z.string(), z.array(matrixPointSchema)),
  }),
  /** Customers at high churn risk who are not yet at the termination stage (lost customers are not warned about). */
  churnWarningTotal: count,
  /** The first of them, highest churn score first. */
  churnWarnings: z.array(
    z.object({
      customerId: z.string(),
      name: z.string().nullable(),
      managerId: z.string().nullable(),
      district: z.string().nullable(),
      score: z.number(),
      reasons: z.array(z.string()),
      stage: z.string(),
      valueCell: z.string(),
      serviceClass: z.string(),
    }),
  ),
});
export type DashboardSummaryDto = z.infer<typeof dashboardSummarySchema>;

export const dashboardResponseSchema = z.object({
  /** Every run, newest first, to choose from. */
  runs: z.array(runSummarySchema.pick({ runId: true, period: true, asOf: true, createdAt: true })),
  /** The chosen run's overview; null before the first evaluation. */
  summary: dashboardSummarySchema.nullable(),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

export const dashboardRoutes = {
  get: defineRoute({
    method: 'GET',
    path: '/api/dashboard',
    summary:
      'Overview of a run (the latest by default) within the caller’s scope: counts by value cell, service class, district, market, format, lifecycle stage and churn risk; a sample of the value matrix; the highest churn warnings',
    tag: 'dashboard',
    query: z.object({
      run: z.string().min(1).max(100).optional(),
      warnings: z.coerce.number().int().min(1).max(100).default(10),
    }),
    response: dashboardResponseSchema,
    errors: { 404: 'no such run' },
  }),
};

