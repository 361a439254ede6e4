import type { CustomerListItem, CustomerListQuery, RunReference, ScopedUser } from '@retail-value/core';
import { one, type Database } from '../db/database.js';
import { CUSTOMER_FROM, customerConditions, customerOrder, matchingRows, sortsByCustomer } from './customer-query.js';

/** The list's columns, named as the contract names them. */
export const CUSTOMER_ITEM_COLUMNS = `r.customer_id AS "customerId", c.name AS "name", c.license_no AS "licenseNo", c.manager_id AS "managerId",
  c.district AS "district", c.route AS "route", r.market AS "market", r.format AS "format", r.credit_grade AS "creditGrade",
  r.current_value AS "currentValue", r.potential_value AS "potentialValue", r.composite_score AS "compositeScore", r.rank AS "rank",
  r.value_cell AS "valueCell", r.service_class AS "serviceClass", r.lifecycle_stage AS "lifecycleStage", r.churn_risk AS "churnRisk",
  r.churn_score AS "churnScore", r.clv AS "clv"`;

export interface CustomerPage {
  readonly items: CustomerListItem[];
  readonly total: number;
}

/**
 * One page of a run's customers in the caller's scope, filtered, searched
 * and sorted, and the count of all matches: two queries with the same
 * conditions, LIMIT/OFFSET on the first. The page is chosen over the
 * narrowest tables that decide it and only its rows are joined for their
 * archive fields, so the full join of a million customers is never built
 * just to show twenty. Every value is a bound parameter; the sort column
 * comes from a fixed map.
 */
export async function listCustomers(db: Database, user: ScopedUser, run: RunReference, query: CustomerListQuery): Promise<CustomerPage> {
  const conditions = customerConditions(run.runId, user, query);
  const { params } = conditions;
  const order = customerOrder(query.sort, query.order);
  const limit = `$${params.length + 1}`;
  const offset = `$${params.length + 2}`;
  const items = await db.all<CustomerListItem>(
    `WITH page AS (SELECT r.customer_id ${matchingRows(conditions, sortsByCustomer(query.sort))} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset})
     SELECT ${CUSTOMER_ITEM_COLUMNS} FROM ${CUSTOMER_FROM}
     WHERE r.run_id = $1 AND r.customer_id IN (SELECT customer_id FROM page) ORDER BY ${order}`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const { total } = await one<{ total: number }>(db, `SELECT count(*) AS total ${matchingRows(conditions, false)}`, params);
  return { items, total };
}
