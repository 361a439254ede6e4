import { VALUE_CELLS, type LocalizedText, type ScopedUser } from '@retail-value/core';
import type { Database, Row, SqlValue } from '../db/database.js';
import { scopePredicate } from '../accounts/scope-predicate.js';
import { loadRun, type RunSummary, type StoredRun } from '../evaluation/run-store.js';

/** Customers counted by their category in an earlier run (rows) and a later run (columns). */
export interface TransitionMatrix {
  /** Row categories: the earlier run's, in its order. */
  readonly from: readonly string[];
  /** Column categories: the later run's, in its order. */
  readonly to: readonly string[];
  /** counts[i][j]: customers in both runs, in from[i] before and to[j] after. */
  readonly counts: readonly (readonly number[])[];
  /** counts[i][j] ÷ the row's total; null throughout a row nobody was in. */
  readonly rowShares: readonly (readonly (number | null)[])[];
  /** Customers of the later run only, by their category there. */
  readonly entered: Readonly<Record<string, number>>;
  /** Customers of the earlier run only, by their category there. */
  readonly left: Readonly<Record<string, number>>;
  /** Customers in both runs whose category is the same in both. */
  readonly stayed: number;
  /** stayed ÷ customers in both runs; null when no customer is in both. */
  readonly stability: number | null;
}

export type Move = 'up' | 'down' | 'none';

/** A customer in both runs whose value cell or service class changed. */
export interface Mover {
  readonly customerId: string;
  readonly name: string | null;
  readonly district: string | null;
  readonly managerId: string | null;
  /** The class move when the class changed, otherwise the cell move; `across` when neither is up or down. */
  readonly direction: 'up' | 'down' | 'across';
  readonly fromCell: string;
  readonly toCell: string;
  readonly cellMove: Move;
  readonly fromClass: string;
  readonly toClass: string;
  readonly classMove: Move;
  readonly compositeFrom: number;
  readonly compositeTo: number;
  readonly compositeChange: number;
  readonly rankFrom: number;
  readonly rankTo: number;
  /** The dimension (of those both runs score) whose score changed most; null when they share none. */
  readonly dimension: string | null;
  readonly dimensionChange: number | null;
}

export interface RunComparison {
  readonly from: RunSummary;
  readonly to: RunSummary;
  readonly customers: { readonly both: number; readonly entered: number; readonly left: number };
  readonly valueCells: TransitionMatrix;
  readonly serviceClasses: TransitionMatrix;
  /** Names of the service classes of both runs (the later run's name wins). */
  readonly classNames: Readonly<Record<string, LocalizedText>>;
  /** The dimensions both runs score, in the later run's order: the ones movers are explained by. */
  readonly dimensions: readonly { readonly code: string; readonly name: LocalizedText }[];
  readonly moverCount: { readonly total: number; readonly up: number; readonly down: number; readonly across: number };
  /** Movers by the size of their composite change, largest first (ties by customer id); all of them unless limited. */
  readonly movers: readonly Mover[];
}

export interface CompareOptions {
  /** How many movers to return (default: all; 0 for none, e.g. when they are streamed instead). */
  readonly moverLimit?: number | undefined;
  /** How many movers to skip before those returned, for paging (default 0). */
  readonly moverOffset?: number | undefined;
  /** Count and list only the customers this user may see (default: every customer). */
  readonly scope?: ScopedUser | undefined;
}

/**
 * The scope condition over the customers table aliased `c`, its parameters
 * after the two run ids, and whether it restricts anything at all (so an
 * unrestricted comparison needs no join with the customers).
 */
function scopeOf(user: ScopedUser | undefined): { sql: string; params: readonly SqlValue[]; restricted: boolean } {
  if (user === undefined) return { sql: 'TRUE', params: [], restricted: false };
  const predicate = scopePredicate(user, 'c', 3);
  return { sql: predicate.sql, params: predicate.params, restricted: predicate.sql !== 'TRUE' };
}

/**
 * Compares two runs (动态管理): transition matrices of value cells and of
 * service classes over the customers both runs evaluated, the customers
 * only one of them has, stability, and the movers with the dimension that
 * moved them. Counting happens in the engine; see docs/methods/dynamics.md.
 */
export async function compareRuns(db: Database, fromRunId: string, toRunId: string, options: CompareOptions = {}): Promise<RunComparison> {
  const limit = options.moverLimit;
  const offset = options.moverOffset ?? 0;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) throw new Error(`moverLimit must be a whole number ≥ 0, not ${limit}`);
  if (!(Number.isInteger(offset) && offset >= 0)) throw new Error(`moverOffset must be a whole number ≥ 0, not ${offset}`);
  const from = await loadRun(db, fromRunId);
  const to = await loadRun(db, toRunId);
  const scope = scopeOf(options.scope);
  const params = [from.runId, to.runId, ...scope.params];
  const groups = await db.all<{ from_cell: string | null; to_cell: string | null; from_class: string | null; to_class: string | null; n: number }>(
    `SELECT f.value_cell AS from_cell, t.value_cell AS to_cell, f.service_class AS from_class, t.service_class AS to_class, count(*) AS n
     FROM (SELECT customer_id, value_cell, service_class FROM run_results WHERE run_id = $1) f
     FULL OUTER JOIN (SELECT customer_id, value_cell, service_class FROM run_results WHERE run_id = $2) t ON t.customer_id = f.customer_id
     ${scope.restricted ? `JOIN customers c ON c.customer_id = coalesce(f.customer_id, t.customer_id) WHERE ${scope.sql}` : ''}
     GROUP BY 1, 2, 3, 4`,
    params,
  );
  const valueCells = transitionMatrix(
    VALUE_CELLS,
    VALUE_CELLS,
    groups.map((group) => ({ from: group.from_cell, to: group.to_cell, n: group.n })),
  );
  const serviceClasses = transitionMatrix(
    from.frozen.classes.map((found) => found.code),
    to.frozen.classes.map((found) => found.code),
    groups.map((group) => ({ from: group.from_class, to: group.to_class, n: group.n })),
  );
  const sum = (values: Readonly<Record<string, number>>): number => Object.values(values).reduce((total, n) => total + n, 0);
  const both = valueCells.counts.reduce((total, row) => total + row.reduce((rowTotal, n) => rowTotal + n, 0), 0);

  const query = moverQuery(db, from, to, scope);
  const directions = await db.all<{ direction: string; n: number }>(`${query.sql} SELECT direction, count(*) AS n FROM movers GROUP BY direction`, params);
  const countOf = (direction: string): number => directions.find((found) => found.direction === direction)?.n ?? 0;
  const page = `${limit === undefined ? '' : ` LIMIT ${limit}`}${offset === 0 ? '' : ` OFFSET ${offset}`}`;
  const movers = limit === 0 ? [] : (await db.all(`${query.sql} ${query.select}${page}`, params)).map(toMover);

  return {
    from: summaryOf(from),
    to: summaryOf(to),
    customers: { both, entered: sum(valueCells.entered), left: sum(valueCells.left) },
    valueCells,
    serviceClasses,
    classNames: Object.fromEntries([...from.frozen.classes, ...to.frozen.classes].map((found) => [found.code, found.name])),
    dimensions: query.dimensions,
    moverCount: { total: countOf('up') + countOf('down') + countOf('across'), up: countOf('up'), down: countOf('down'), across: countOf('across') },
    movers,
  };
}

/** Streams every mover of the comparison, in the order compareRuns returns them (for exports of any size). */
export async function eachMover(
  db: Database,
  fromRunId: string,
  toRunId: string,
  onMovers: (movers: Mover[]) => Promise<void> | void,
  options: Pick<CompareOptions, 'scope'> = {},
): Promise<void> {
  const from = await loadRun(db, fromRunId);
  const to = await loadRun(db, toRunId);
  const scope = scopeOf(options.scope);
  const query = moverQuery(db, from, to, scope);
  await db.each(`${query.sql} ${query.select}`, [from.runId, to.runId, ...scope.params], (rows) => onMovers(rows.map(toMover)));
}

function summaryOf(run: StoredRun): RunSummary {
  const { frozen: _frozen, ...summary } = run;
  return summary;
}

function transitionMatrix(
  fromOrder: readonly string[],
  toOrder: readonly string[],
  groups: readonly { from: string | null; to: string | null; n: number }[],
): TransitionMatrix {
  // A category the run's order does not list (not expected) is kept, after the listed ones, rather than dropped.
  const fromCodes = withExtras(fromOrder, groups.map((group) => group.from));
  const toCodes = withExtras(toOrder, groups.map((group) => group.to));
  const counts = fromCodes.map(() => toCodes.map(() => 0));
  const entered: Record<string, number> = Object.fromEntries(toCodes.map((code) => [code, 0]));
  const left: Record<string, number> = Object.fromEntries(fromCodes.map((code) => [code, 0]));
  for (const group of groups) {
    if (group.from === null && group.to !== null) entered[group.to] = (entered[group.to] ?? 0) + group.n;
    else if (group.to === null && group.from !== null) left[group.from] = (left[group.from] ?? 0) + group.n;
    else if (group.from !== null && group.to !== null) {
      const row = counts[fromCodes.indexOf(group.from)] as number[];
      const column = toCodes.indexOf(group.to);
      row[column] = (row[column] as number) + group.n;
    }
  }
  const rowShares = counts.map((row) => {
    const total = row.reduce((sum, n) => sum + n, 0);
    return row.map((n) => (total === 0 ? null : n / total));
  });
  const both = counts.reduce((sum, row) => sum + row.reduce((rowSum, n) => rowSum + n, 0), 0);
  const stayed = fromCodes.reduce((sum, code, i) => {
    const j = toCodes.indexOf(code);
    return j < 0 ? sum : sum + ((counts[i] as number[])[j] as number);
  }, 0);
  return { from: fromCodes, to: toCodes, counts, rowShares, entered, left, stayed, stability: both === 0 ? null : stayed / both };
}

function withExtras(order: readonly string[], seen: readonly (string | null)[]): string[] {
  const extras = [...new Set(seen.filter((code): code is string => code !== null && !order.includes(code)))].sort();
  return [...order, ...extras];
}

/** Height of a value cell on the two axes: sub_value and potential_value are level, neither dominates. */
const CELL_LEVEL: Readonly<Record<string, number>> = { value: 2, sub_value: 1, potential_value: 1, low_value: 0 };

/**
 * The movers as a `WITH … movers AS (…)` prefix ($1 = earlier run, $2 =
 * later run) and the select that lists them. Class moves follow the
 * scheme's class order (first = best); cell moves follow the cells' height,
 * and between sub_value and potential_value the customer's relative
 * composite rank (rank ÷ customers) decides, compared exactly as
 * rank_after·n_before vs rank_before·n_after.
 */
function moverQuery(
  db: Database,
  from: StoredRun,
  to: StoredRun,
  scope: { readonly sql: string; readonly restricted: boolean },
): { sql: string; select: string; dimensions: RunComparison['dimensions'] } {
  const { dialect } = db;
  const quote = (text: string): string => dialect.quoteLiteral(text);
  const classPosition = (alias: string, run: StoredRun): string =>
    `(CASE ${alias}.service_class ${run.frozen.classes.map((found, index) => `WHEN ${quote(found.code)} THEN ${index}`).join(' ')} END)`;
  const cellLevel = (alias: string): string =>
    `(CASE ${alias}.value_cell ${Object.entries(CELL_LEVEL).map(([cell, level]) => `WHEN ${quote(cell)} THEN ${level}`).join(' ')} END)`;
  const fromIndex = new Map(from.frozen.dimensions.map((dimension, index) => [dimension.code as string, index]));
  const shared = to.frozen.dimensions.flatMap((dimension, toIndex) => {
    const fromAt = fromIndex.get(dimension.code);
    return fromAt === undefined ? [] : [{ code: dimension.code as string, name: dimension.name, fromAt, toIndex }];
  });
  const changes = shared.map(
    (dimension, k) =>
      `round(${dialect.arrayElement('t.dimension_scores', dimension.toIndex + 1)} - ${dialect.arrayElement('f.dimension_scores', dimension.fromAt + 1)}, 6) AS d${k}`,
  );
  const largest = shared.length === 0 ? 'NULL' : `greatest(${shared.map((_, k) => `abs(d${k})`).join(', ')})`;
  // The first dimension (in the later run's order) reaching the largest absolute change wins a tie.
  const pick = (value: (k: number) => string): string =>
    shared.length === 0 ? 'NULL' : `(CASE ${shared.map((_, k) => `WHEN abs(d${k}) = largest THEN ${value(k)}`).join(' ')} END)`;
  const sql = `WITH changed AS (
      SELECT f.customer_id, f.value_cell AS from_cell, t.value_cell AS to_cell, f.service_class AS from_class, t.service_class AS to_class,
        f.composite_score AS composite_from, t.composite_score AS composite_to, round(t.composite_score - f.composite_score, 6) AS composite_change,
        f.rank AS rank_from, t.rank AS rank_to,
        CASE WHEN ${classPosition('t', to)} < ${classPosition('f', from)} THEN 'up' WHEN ${classPosition('t', to)} > ${classPosition('f', from)} THEN 'down' ELSE 'none' END AS class_move,
        CASE WHEN ${cellLevel('t')} > ${cellLevel('f')} THEN 'up' WHEN ${cellLevel('t')} < ${cellLevel('f')} THEN 'down'
             WHEN f.value_cell = t.value_cell THEN 'none'
             WHEN t.rank * ${from.customers} < f.rank * ${to.customers} THEN 'up'
             WHEN t.rank * ${from.customers} > f.rank * ${to.customers} THEN 'down' ELSE 'none' END AS cell_move
        ${changes.map((change) => `, ${change}`).join('')}
      FROM run_results f JOIN run_results t ON t.customer_id = f.customer_id
      ${scope.restricted ? 'JOIN customers c ON c.customer_id = f.customer_id' : ''}
      WHERE f.run_id = $1 AND t.run_id = $2 AND (f.value_cell <> t.value_cell OR f.service_class <> t.service_class)${scope.restricted ? ` AND ${scope.sql}` : ''}
    ), measured AS (
      SELECT changed.*, ${largest} AS largest FROM changed
    ), movers AS (
      SELECT customer_id, from_cell, to_cell, cell_move, from_class, to_class, class_move,
        CASE WHEN class_move <> 'none' THEN class_move WHEN cell_move <> 'none' THEN cell_move ELSE 'across' END AS direction,
        composite_from, composite_to, composite_change, rank_from, rank_to,
        ${pick((k) => quote((shared[k] as (typeof shared)[number]).code))} AS dimension, ${pick((k) => `d${k}`)} AS dimension_change
      FROM measured
    )`;
  const select = `SELECT m.*, c.name, c.district, c.manager_id FROM movers m LEFT JOIN customers c ON c.customer_id = m.customer_id
    ORDER BY abs(m.composite_change) DESC, m.customer_id`;
  return { sql, select, dimensions: shared.map(({ code, name }) => ({ code, name })) };
}

function toMover(row: Row): Mover {
  return {
    customerId: row.customer_id as string,
    name: (row.name as string | null) ?? null,
    district: (row.district as string | null) ?? null,
    managerId: (row.manager_id as string | null) ?? null,
    direction: row.direction as Mover['direction'],
    fromCell: row.from_cell as string,
    toCell: row.to_cell as string,
    cellMove: row.cell_move as Move,
    fromClass: row.from_class as string,
    toClass: row.to_class as string,
    classMove: row.class_move as Move,
    compositeFrom: row.composite_from as number,
    compositeTo: row.composite_to as number,
    compositeChange: row.composite_change as number,
    rankFrom: row.rank_from as number,
    rankTo: row.rank_to as number,
    dimension: (row.dimension as string | null) ?? null,
    dimensionChange: (row.dimension_change as number | null) ?? null,
  };
}
