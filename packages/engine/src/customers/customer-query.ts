import type { CustomerFilter, CustomerSortKey, ScopedUser } from '@retail-value/core';
import type { SqlValue } from '../db/database.js';
import { scopePredicate } from '../accounts/scope-predicate.js';

/**
 * The conditions of a customer list with their bound parameters, split by
 * table: `run` over `run_results r`, `customer` over `customers c` (null when
 * nothing restricts the customers). `where` is both, for the joined tables.
 */
export interface CustomerConditions {
  readonly where: string;
  readonly run: string;
  readonly customer: string | null;
  readonly params: readonly SqlValue[];
}

/** The one column (or expression of columns) each sort key orders by; nothing else reaches ORDER BY. */
const SORT_COLUMNS: Readonly<Record<CustomerSortKey, string>> = {
  rank: 'r.rank',
  compositeScore: 'r.composite_score',
  currentValue: 'r.current_value',
  potentialValue: 'r.potential_value',
  clv: 'r.clv',
  churnScore: 'r.churn_score',
  customerId: 'r.customer_id',
  name: 'c.name',
  licenseNo: 'c.license_no',
  district: 'c.district',
  route: 'c.route',
  managerId: 'c.manager_id',
  // Grades order from the best (AAA) down, not alphabetically.
  creditGrade: "CASE r.credit_grade WHEN 'AAA' THEN 1 WHEN 'AA' THEN 2 WHEN 'A' THEN 3 WHEN 'B' THEN 4 WHEN 'C' THEN 5 WHEN 'D' THEN 6 END",
};

/** The list's joined tables; `run_results` first, as it carries the run filter. */
export const CUSTOMER_FROM = 'run_results r JOIN customers c ON c.customer_id = r.customer_id';

/**
 * `ILIKE '%text%'` over `columns`, the text taken literally. Its own `%`,
 * `_` and `\` are escaped; only then is an ESCAPE clause added, because
 * DuckDB matches three times slower with one.
 */
export function containsCondition(builder: ConditionBuilder, columns: readonly string[], text: string): string {
  const literal = !/[\\%_]/.test(text);
  const pattern = builder.bind(`%${literal ? text : text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  const escape = literal ? '' : ` ESCAPE '\\'`;
  return `(${columns.map((column) => `${column} ILIKE ${pattern}${escape}`).join(' OR ')})`;
}

/** Builds conditions over `run_results r` and `customers c`, with parameters numbered in the order they are added. */
export class ConditionBuilder {
  readonly #run: string[] = [];
  readonly #customer: string[] = [];
  readonly #params: SqlValue[] = [];

  /** Adds a bound value and returns its placeholder. */
  bind(value: SqlValue): string {
    this.#params.push(value);
    return `$${this.#params.length}`;
  }

  /** A condition over `r` (table `run`) or `c` (table `customer`). */
  add(condition: string, table: 'run' | 'customer' = 'run'): void {
    (table === 'run' ? this.#run : this.#customer).push(condition);
  }

  equals(column: string, value: string | undefined): void {
    if (value !== undefined) this.add(`${column} = ${this.bind(value)}`, tableOf(column));
  }

  oneOf(column: string, values: readonly string[] | undefined): void {
    if (values === undefined || values.length === 0) return;
    this.add(`${column} IN (${values.map((value) => this.bind(value)).join(', ')})`, tableOf(column));
  }

  /** The caller's scope over the customers alias `c`; nothing for those who see everyone. */
  scope(user: ScopedUser): void {
    const predicate = scopePredicate(user, 'c', this.#params.length + 1);
    if (predicate.params.length === 0) return;
    this.#params.push(...predicate.params);
    this.add(predicate.sql, 'customer');
  }

  build(): CustomerConditions {
    const run = this.#run.length === 0 ? 'TRUE' : this.#run.join(' AND ');
    const customer = this.#customer.length === 0 ? null : this.#customer.join(' AND ');
    return { where: customer === null ? run : `${run} AND ${customer}`, run, customer, params: [...this.#params] };
  }
}

function tableOf(column: string): 'run' | 'customer' {
  return column.startsWith('c.') ? 'customer' : 'run';
}

/** The run, the caller's scope and every filter of `filter`, all values bound. */
export function customerConditions(runId: string, user: ScopedUser, filter: Omit<CustomerFilter, 'sort' | 'order' | 'run'>): CustomerConditions {
  const builder = new ConditionBuilder();
  builder.add(`r.run_id = ${builder.bind(runId)}`);
  builder.scope(user);
  builder.equals('c.district', filter.district);
  builder.equals('c.route', filter.route);
  builder.equals('c.manager_id', filter.manager);
  builder.oneOf('r.format', filter.format);
  builder.oneOf('r.market', filter.market);
  builder.oneOf('r.value_cell', filter.valueCell);
  builder.oneOf('r.service_class', filter.serviceClass);
  builder.oneOf('r.lifecycle_stage', filter.lifecycleStage);
  builder.oneOf('r.churn_risk', filter.churnRisk);
  if (filter.search !== undefined) builder.add(containsCondition(builder, ['c.name', 'c.license_no'], filter.search), 'customer');
  return builder.build();
}

/**
 * `FROM … WHERE …` for the rows matching `conditions`: `run_results` alone
 * when no condition (and, with `joinCustomers` false, no sort key) needs the
 * customers table; otherwise semi-joined to the customers that qualify, or
 * joined when the caller reads customer columns. A million-row join is
 * built only when it decides something.
 */
export function matchingRows(conditions: CustomerConditions, joinCustomers: boolean): string {
  if (joinCustomers) return `FROM ${CUSTOMER_FROM} WHERE ${conditions.where}`;
  if (conditions.customer === null) return `FROM run_results r WHERE ${conditions.run}`;
  return `FROM run_results r WHERE ${conditions.run} AND r.customer_id IN (SELECT c.customer_id FROM customers c WHERE ${conditions.customer})`;
}

/** Whether ordering by `sort` needs the customers table. */
export function sortsByCustomer(sort: CustomerSortKey): boolean {
  return SORT_COLUMNS[sort].includes('c.');
}

/** ORDER BY for a whitelisted key; ties fall back to the customer id so pages never overlap. */
export function customerOrder(sort: CustomerSortKey, order: 'asc' | 'desc'): string {
  const direction = order === 'desc' ? 'DESC' : 'ASC';
  return `${SORT_COLUMNS[sort]} ${direction} NULLS LAST, r.customer_id ASC`;
}
