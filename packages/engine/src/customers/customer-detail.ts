import {
  lifecycleReason,
  type CustomerArchive,
  type CustomerDetail,
  type CustomerEvaluation,
  type CustomerHistoryEntry,
  type Locale,
  type RunReference,
  type ScopedUser,
} from '@retail-value/core';
import type { Database } from '../db/database.js';
import { explainCustomer } from '../evaluation/explain-customer.js';
import type { FrozenRun } from '../evaluation/frozen-run.js';
import { loadRun } from '../evaluation/run-store.js';
import { ConditionBuilder } from './customer-query.js';

const ARCHIVE_COLUMNS = `c.customer_id AS "customerId", c.license_no AS "licenseNo", c.name AS "name", c.address AS "address",
  c.format AS "format", c.market AS "market", c.scale AS "scale", c.trade_area AS "tradeArea", c.terminal_type AS "terminalType",
  c.district AS "district", c.route AS "route", c.manager_id AS "managerId", c.license_date AS "licenseDate", c.status AS "status",
  c.status_date AS "statusDate", c.credit_grade AS "creditGrade", c.order_cycle AS "orderCycle", c.business_area AS "businessArea"`;

/** The archive of a customer in the caller's scope; undefined for a customer they may not see, exactly as for one that does not exist. */
export async function scopedCustomer(db: Database, user: ScopedUser, customerId: string): Promise<CustomerArchive | undefined> {
  const builder = new ConditionBuilder();
  builder.add(`c.customer_id = ${builder.bind(customerId)}`, 'customer');
  builder.scope(user);
  const { where, params } = builder.build();
  const rows = await db.all<CustomerArchive>(`SELECT ${ARCHIVE_COLUMNS} FROM customers c WHERE ${where}`, params);
  return rows[0];
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

function weeksBetween(from: string | null, to: string): number | null {
  if (from === null) return null;
  return Math.floor((Date.parse(to) - Date.parse(from)) / WEEK_MS);
}

async function evaluationOf(db: Database, archive: CustomerArchive, run: RunReference, locale: Locale): Promise<CustomerEvaluation | null> {
  const found = await db.all('SELECT 1 AS found FROM run_results WHERE run_id = $1 AND customer_id = $2', [run.runId, archive.customerId]);
  if (found.length === 0) return null;
  const explained = await explainCustomer(db, archive.customerId, run.runId);
  const classes = (await loadRun(db, run.runId)).frozen.classes;
  const className = (code: string) => classes.find((found) => found.code === code)?.name ?? { 'zh-CN': code, en: code };
  const licenceWeeks = weeksBetween(archive.licenseDate, run.asOf);
  const lifecycle = explained.lifecycle;
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  return {
    run,
    segment: explained.segment,
    currentValue: explained.currentValue,
    potentialValue: explained.potentialValue,
    compositeScore: explained.compositeScore,
    rank: explained.rank,
    customers: explained.customers,
    valueCell: explained.valueCell as CustomerEvaluation['valueCell'],
    thresholds: { current: finite(explained.thresholds.current), potential: finite(explained.thresholds.potential) },
    sideWeights: explained.sideWeights,
    serviceClass: explained.serviceClass,
    serviceClassName: explained.serviceClassName,
    classByScore: explained.classByScore,
    classByScoreName: className(explained.classByScore),
    creditGate: { minGrade: explained.creditGate.minGrade ?? null, passed: explained.creditGate.passed },
    dimensions: explained.dimensions.map((dimension) => ({ ...dimension })),
    indicators: explained.indicators.map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      dimension: indicator.dimension,
      direction: indicator.direction,
      raw: indicator.raw,
      score: indicator.score,
      weight: indicator.weight,
      compositeWeight: indicator.compositeWeight,
      contribution: indicator.contribution,
    })),
    lifecycle: {
      stage: lifecycle.stage as CustomerEvaluation['lifecycle']['stage'],
      rule: lifecycle.rule,
      reason: lifecycleReason({ ...lifecycle, licenceWeeks }, lifecycle.rules, locale),
      strategy: lifecycle.strategy,
      items: [...lifecycle.items],
      activeShare: lifecycle.activeShare,
      volumeChange: lifecycle.volumeChange,
      missedCycles: lifecycle.missedCycles,
      weeksSinceOrder: lifecycle.weeksSinceOrder,
      licenceWeeks,
      deemedClosed: lifecycle.deemedClosed,
    },
    churn: {
      score: explained.churn.score,
      risk: explained.churn.risk as CustomerEvaluation['churn']['risk'],
      reasons: [...explained.churn.reasons],
    },
    lifetimeValue: { ...explained.lifetimeValue },
    strategy: {
      goals: [...explained.strategy.goals],
      commonItems: [...explained.strategy.commonItems],
      personalItems: [...explained.strategy.personalItems],
      visitFrequency: explained.strategy.visitFrequency as CustomerEvaluation['strategy']['visitFrequency'],
    },
  };
}

type HistoryRow = {
  run_id: string;
  period: string;
  as_of: string;
  created_at: string;
  customer_count: number;
  frozen: string;
  value_cell: CustomerHistoryEntry['valueCell'];
  service_class: string;
  composite_score: number;
  rank: number;
  lifecycle_stage: CustomerHistoryEntry['lifecycleStage'];
  churn_risk: CustomerHistoryEntry['churnRisk'];
};

/** The customer's cell, class, score and stage in every run that evaluated it, oldest first. */
async function historyOf(db: Database, customerId: string): Promise<CustomerHistoryEntry[]> {
  const rows = await db.all<HistoryRow>(
    `SELECT u.run_id, u.period, CAST(u.as_of AS VARCHAR) AS as_of, u.created_at, u.customer_count, u.frozen,
       r.value_cell, r.service_class, r.composite_score, r.rank, r.lifecycle_stage, r.churn_risk
     FROM run_results r JOIN runs u ON u.run_id = r.run_id
     WHERE r.customer_id = $1 ORDER BY u.created_at, u.run_id`,
    [customerId],
  );
  return rows.map((row) => {
    const classes = (JSON.parse(row.frozen) as FrozenRun).classes;
    return {
      run: { runId: row.run_id, period: row.period, asOf: row.as_of, createdAt: row.created_at },
      valueCell: row.value_cell,
      serviceClass: row.service_class,
      serviceClassName: classes.find((found) => found.code === row.service_class)?.name ?? { 'zh-CN': row.service_class, en: row.service_class },
      compositeScore: row.composite_score,
      rank: row.rank,
      customers: row.customer_count,
      lifecycleStage: row.lifecycle_stage,
      churnRisk: row.churn_risk,
    };
  });
}

/**
 * Everything about one customer in the caller's scope: the archive, the
 * explanation of its result in `run` (null when that run did not evaluate
 * it, or there is no run), and its history across runs. Undefined when the
 * customer does not exist or lies outside the caller's scope.
 */
export async function customerDetail(
  db: Database,
  user: ScopedUser,
  customerId: string,
  run: RunReference | undefined,
  locale: Locale,
): Promise<CustomerDetail | undefined> {
  const customer = await scopedCustomer(db, user, customerId);
  if (customer === undefined) return undefined;
  return {
    customer,
    evaluation: run === undefined ? null : await evaluationOf(db, customer, run, locale),
    history: await historyOf(db, customerId),
  };
}
