/**
 * The fact and archive tables (DOMAIN.md §2) and the product's own tables
 * (import log, schemes, runs). Types are portable between DuckDB and
 * PostgreSQL; codes are stored in their canonical English form (see
 * docs/data-formats.md), Chinese names are mapped on import.
 */
export interface TableDefinition {
  readonly name: string;
  /** Column name → SQL type (portable subset). */
  readonly columns: Readonly<Record<string, string>>;
  /** The natural key imports upsert by. */
  readonly key: readonly string[];
  /**
   * DuckDB storage methods of columns whose best method is known in advance,
   * for a table written in bulk: a column named here skips the engine's trial
   * of every method on every segment it writes. Applied when the table is
   * created; a table made by an earlier version keeps the trial.
   */
  readonly compression?: Readonly<Record<string, 'uncompressed' | 'dictionary' | 'bitpacking' | 'alp'>>;
}

type StorageMethod = NonNullable<TableDefinition['compression']>[string];

/** The same storage method for each of `columns` (TableDefinition.compression). */
function stored(method: StorageMethod, columns: readonly string[]): Record<string, StorageMethod> {
  return Object.fromEntries(columns.map((column) => [column, method]));
}

/** Integer lanes of a summary day's SKU set (order_days.sku_set_*; orders/order-summary.ts). */
export const SKU_LANES = 8;
/** The SKU-set columns of order_days: the lanes, then the bit string for keys beyond them. */
export const SKU_SET_COLUMNS: readonly string[] = [...Array.from({ length: SKU_LANES }, (_, lane) => `sku_set_${lane}`), 'sku_set_more'];

export const FACT_TABLES: readonly TableDefinition[] = Object.freeze<TableDefinition[]>([
  {
    name: 'customers',
    columns: {
      customer_id: 'VARCHAR NOT NULL',
      license_no: 'VARCHAR',
      name: 'VARCHAR NOT NULL',
      address: 'VARCHAR',
      format: 'VARCHAR NOT NULL', // Z B S N Y F Q
      market: 'VARCHAR NOT NULL', // urban | rural
      scale: 'VARCHAR', // large | medium | small
      trade_area: 'VARCHAR', // core | secondary | ordinary (商圈类型)
      terminal_type: 'VARCHAR', // ordinary | modern (普通/现代终端)
      district: 'VARCHAR NOT NULL',
      route: 'VARCHAR',
      manager_id: 'VARCHAR',
      license_date: 'DATE',
      status: 'VARCHAR NOT NULL', // normal | suspended | cancelled | closed
      status_date: 'DATE',
      credit_grade: 'VARCHAR', // AAA AA A B C D
      order_cycle: 'VARCHAR NOT NULL', // weekly | biweekly
      integrity_group: 'VARCHAR',
      business_area: 'DOUBLE', // m²
      longitude: 'DOUBLE',
      latitude: 'DOUBLE',
    },
    key: ['customer_id'],
  },
  {
    name: 'products',
    columns: {
      sku: 'VARCHAR NOT NULL',
      name: 'VARCHAR NOT NULL',
      brand: 'VARCHAR',
      price_class: 'INTEGER NOT NULL', // 1…5, 0 = no class
      cost_price: 'DOUBLE NOT NULL', // 调拨价, yuan per carton
      wholesale_price: 'DOUBLE NOT NULL', // 批发价
      retail_price: 'DOUBLE', // 建议零售价
      origin: 'VARCHAR', // in_province | out_of_province | import
      launch_date: 'DATE',
      low_tar: 'BOOLEAN',
      scarce: 'BOOLEAN',
    },
    key: ['sku'],
  },
  {
    name: 'order_lines',
    columns: {
      order_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      order_date: 'DATE NOT NULL',
      sku: 'VARCHAR NOT NULL',
      qty: 'DOUBLE NOT NULL', // cartons 条
      amount: 'DOUBLE NOT NULL', // yuan
      qty_demand: 'DOUBLE',
      qty_limit: 'DOUBLE',
    },
    key: ['order_id', 'sku'],
  },
  {
    name: 'visits',
    columns: {
      visit_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      manager_id: 'VARCHAR',
      planned_date: 'DATE',
      actual_date: 'DATE',
      duration_minutes: 'DOUBLE',
      items: 'VARCHAR', // service items done, separated by ';'
    },
    key: ['visit_id'],
  },
  {
    name: 'feedback',
    columns: {
      feedback_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      kind: 'VARCHAR NOT NULL', // price | stock | competitor | demand | anomaly
      due_date: 'DATE NOT NULL',
      submitted_date: 'DATE',
      accurate: 'BOOLEAN',
    },
    key: ['feedback_id'],
  },
  {
    name: 'promotions',
    columns: {
      promotion_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      activity_date: 'DATE NOT NULL',
      invited: 'BOOLEAN NOT NULL',
      joined: 'BOOLEAN NOT NULL',
      executed: 'BOOLEAN NOT NULL',
    },
    key: ['promotion_id', 'customer_id'],
  },
  {
    name: 'displays',
    columns: {
      customer_id: 'VARCHAR NOT NULL',
      sku: 'VARCHAR NOT NULL',
      start_date: 'DATE NOT NULL',
      end_date: 'DATE',
    },
    key: ['customer_id', 'sku', 'start_date'],
  },
  {
    name: 'credit_events',
    columns: {
      event_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      event_date: 'DATE NOT NULL',
      category: 'VARCHAR NOT NULL', // violation_law 违法 | violation_rule 违规 | default 违约 | incentive 修复激励
      points: 'DOUBLE NOT NULL', // signed change of credit points
      grade_after: 'VARCHAR',
    },
    key: ['event_id'],
  },
  {
    name: 'assessments',
    columns: {
      customer_id: 'VARCHAR NOT NULL',
      period: 'VARCHAR NOT NULL', // e.g. 2026Q3
      indicator: 'VARCHAR NOT NULL', // social_influence | trade_area_maturity | operating_skill
      score: 'DOUBLE NOT NULL', // 0…100
      assessor: 'VARCHAR',
    },
    key: ['customer_id', 'period', 'indicator'],
  },
  {
    name: 'survey_responses',
    columns: {
      survey_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      response_date: 'DATE NOT NULL',
      item: 'VARCHAR NOT NULL',
      dimension: 'VARCHAR NOT NULL', // supply | service | market | profit
      score: 'INTEGER NOT NULL', // 1…5
      comment: 'VARCHAR',
    },
    key: ['survey_id', 'customer_id', 'item'],
  },
]);

export const SYSTEM_TABLES: readonly TableDefinition[] = Object.freeze<TableDefinition[]>([
  // The order summary (engine/src/orders/order-summary.ts): derived from order_lines and products,
  // kept current by every import and the demo, read by evaluations instead of the lines.
  {
    name: 'customer_keys',
    columns: {
      customer_id: 'VARCHAR NOT NULL',
      customer_key: 'INTEGER NOT NULL', // dense, never reused
    },
    key: ['customer_id'],
  },
  {
    name: 'product_keys',
    columns: {
      sku: 'VARCHAR NOT NULL',
      sku_key: 'INTEGER NOT NULL', // 0-based bit position in the SKU sets of order_days
    },
    key: ['sku'],
  },
  {
    name: 'order_days',
    columns: {
      customer_key: 'INTEGER NOT NULL',
      order_date: 'DATE NOT NULL',
      // quantities and money in whole units of 10⁻⁴ (cartons, yuan): exact sums in any order
      qty: 'BIGINT NOT NULL',
      amount: 'BIGINT NOT NULL',
      gross_profit: 'BIGINT', // qty × (wholesale − cost price) of each line of a known product
      qty_class12: 'BIGINT', // lines of price class 1 or 2; null when none
      qty_limited: 'BIGINT', // lines with an allocation limit
      qty_limit: 'BIGINT',
      qty_demand: 'BIGINT',
      qty_with_demand: 'BIGINT', // lines with a stated demand
      orders: 'INTEGER NOT NULL', // distinct order numbers
      lines: 'INTEGER NOT NULL',
      // the SKUs ordered: bit k % 127 of lane k ÷ 127 for product key k, keys from 1016 in sku_set_more
      // (orders/order-summary.ts, skuSetsOf); lanes the catalog does not need are NULL
      ...Object.fromEntries(SKU_SET_COLUMNS.map((column) => [column, column === 'sku_set_more' ? 'BIT' : 'HUGEINT'])),
    },
    key: ['customer_key', 'order_date'],
  },
  {
    name: 'order_new_lines',
    columns: {
      customer_key: 'INTEGER NOT NULL',
      order_date: 'DATE NOT NULL',
      sku_key: 'INTEGER NOT NULL',
      launch_date: 'DATE NOT NULL', // lines of products launched at most 365 days before the order (or after it)
      qty: 'BIGINT NOT NULL', // units of 10⁻⁴ cartons
    },
    key: ['customer_key', 'order_date', 'sku_key'],
  },
  {
    name: 'order_summary_state',
    columns: {
      singleton: 'INTEGER NOT NULL', // always 1
      order_lines: 'BIGINT NOT NULL', // the line count the summary was made from
      sku_bits: 'INTEGER NOT NULL', // capacity of the SKU sets of order_days
      built_at: 'VARCHAR NOT NULL',
      // what a committed change left to summarise (an import marks it; it is settled after the commit)
      pending_from: 'DATE',
      pending_to: 'DATE',
      pending_full: 'BOOLEAN',
    },
    key: ['singleton'],
  },
  {
    name: 'data_loads',
    columns: {
      load_id: 'INTEGER NOT NULL',
      kind: 'VARCHAR NOT NULL',
      source: 'VARCHAR NOT NULL',
      content_hash: 'VARCHAR NOT NULL',
      row_count: 'BIGINT NOT NULL',
      loaded_at: 'VARCHAR NOT NULL',
    },
    key: ['load_id'],
  },
  {
    name: 'schemes',
    columns: {
      scheme_id: 'VARCHAR NOT NULL',
      version: 'INTEGER NOT NULL',
      name: 'VARCHAR NOT NULL',
      document: 'VARCHAR NOT NULL', // canonical JSON
      content_hash: 'VARCHAR NOT NULL',
      created_at: 'VARCHAR NOT NULL',
      created_by: 'VARCHAR',
    },
    key: ['scheme_id', 'version'],
  },
  {
    name: 'runs',
    columns: {
      run_id: 'VARCHAR NOT NULL',
      period: 'VARCHAR NOT NULL',
      as_of: 'DATE NOT NULL',
      window_start: 'DATE NOT NULL',
      window_weeks: 'INTEGER NOT NULL',
      scheme_id: 'VARCHAR NOT NULL',
      scheme_version: 'INTEGER NOT NULL',
      input_fingerprint: 'VARCHAR NOT NULL',
      result_fingerprint: 'VARCHAR NOT NULL',
      customer_count: 'BIGINT NOT NULL',
      frozen: 'VARCHAR NOT NULL', // JSON: indicators, bounds, weights, cut-offs, step timings
      created_at: 'VARCHAR NOT NULL',
    },
    key: ['run_id'],
  },
  {
    name: 'run_results',
    columns: {
      run_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      segment: 'VARCHAR NOT NULL',
      market: 'VARCHAR',
      format: 'VARCHAR',
      credit_grade: 'VARCHAR',
      // Values rounded to 6 decimals, stored exactly as such (|value| < 10¹², checked by the evaluation);
      // scaled integers also write faster than doubles (about 1 s less for a million rows of 52 values).
      raw_values: 'DECIMAL(18,6)[]', // in the order of the run's indicators (runs.frozen)
      scores: 'DECIMAL(18,6)[]',
      dimension_scores: 'DECIMAL(18,6)[]', // in the order of the run's dimensions
      current_value: 'DOUBLE NOT NULL',
      potential_value: 'DOUBLE NOT NULL',
      composite_score: 'DOUBLE NOT NULL',
      rank: 'BIGINT NOT NULL',
      value_cell: 'VARCHAR NOT NULL', // value | sub_value | potential_value | low_value
      service_class: 'VARCHAR NOT NULL',
      class_by_score: 'VARCHAR NOT NULL', // the class the score alone would give, before the credit gate
      lifecycle_stage: 'VARCHAR NOT NULL', // introduction | growth | maturity | decline | termination
      lifecycle_rule: 'VARCHAR NOT NULL', // the rule that decided the stage (docs/methods/lifecycle.md)
      active_share: 'DOUBLE', // share of the recent cycles with an order
      volume_change: 'DOUBLE', // recent cycles' volume against the cycles before
      missed_cycles: 'INTEGER',
      weeks_since_order: 'INTEGER',
      deemed_closed: 'BOOLEAN NOT NULL', // 视同歇业
      churn_score: 'DOUBLE NOT NULL',
      churn_risk: 'VARCHAR NOT NULL', // high | medium | low
      churn_reasons: 'VARCHAR NOT NULL', // comma-separated reason codes
      p_alive: 'DOUBLE',
      expected_transactions: 'DOUBLE',
      clv: 'DOUBLE',
    },
    key: ['run_id', 'customer_id'],
    // What DuckDB's trial chooses for a run's million rows anyway: the unique customer ids stay as they
    // are, codes take a dictionary, the exact 6-decimal lists and the integers are bit-packed, the doubles
    // take ALP. Naming them saves about 0.07 s of every million-row write.
    compression: {
      customer_id: 'uncompressed',
      ...stored('dictionary', ['run_id', 'segment', 'market', 'format', 'credit_grade', 'value_cell', 'service_class', 'class_by_score', 'lifecycle_stage', 'lifecycle_rule', 'churn_risk', 'churn_reasons']),
      ...stored('bitpacking', ['raw_values', 'scores', 'dimension_scores', 'rank', 'missed_cycles', 'weeks_since_order']),
      ...stored('alp', ['current_value', 'potential_value', 'composite_score', 'active_share', 'volume_change', 'churn_score', 'p_alive', 'expected_transactions', 'clv']),
    },
  },
  {
    name: 'run_awards',
    columns: {
      run_id: 'VARCHAR NOT NULL',
      customer_id: 'VARCHAR NOT NULL',
      award_code: 'VARCHAR NOT NULL', // an award rule of the run's scheme (scheme.awards[].code)
    },
    key: ['run_id', 'customer_id', 'award_code'],
  },
  {
    name: 'users',
    columns: {
      username: 'VARCHAR NOT NULL',
      password_hash: 'VARCHAR NOT NULL', // scrypt$N$r$p$salt$hash
      role: 'VARCHAR NOT NULL', // admin | analyst | district | manager
      district: 'VARCHAR', // the district a district head oversees
      manager_id: 'VARCHAR', // the customers.manager_id a manager user serves
      created_at: 'VARCHAR NOT NULL',
    },
    key: ['username'],
  },
  {
    name: 'sessions',
    columns: {
      token_hash: 'VARCHAR NOT NULL', // sha256 of the cookie token; the token itself is never stored
      username: 'VARCHAR NOT NULL',
      csrf_token: 'VARCHAR NOT NULL',
      created_at: 'VARCHAR NOT NULL',
      expires_at: 'VARCHAR NOT NULL', // ISO instant, UTC, so text order is time order
    },
    key: ['token_hash'],
  },
  {
    name: 'audit_log',
    columns: {
      audit_id: 'BIGINT NOT NULL',
      occurred_at: 'VARCHAR NOT NULL', // ISO instant; AT is a reserved word in DuckDB
      username: 'VARCHAR', // null for the command line and failed sign-ins
      action: 'VARCHAR NOT NULL',
      target: 'VARCHAR',
      detail: 'VARCHAR', // JSON
    },
    key: ['audit_id'],
  },
]);

function createTableSql(table: TableDefinition): string {
  const columns = Object.entries(table.columns).map(([name, type]) => {
    const method = table.compression?.[name];
    return `  ${name} ${type}${method === undefined ? '' : ` USING COMPRESSION ${method}`}`;
  });
  columns.push(`  PRIMARY KEY (${table.key.join(', ')})`);
  return `CREATE TABLE IF NOT EXISTS ${table.name} (\n${columns.join(',\n')}\n)`;
}

/**
 * Order lines carry no primary-key index: at tens of millions of rows an
 * index costs more than it guards, and imports enforce the key themselves.
 */
// The summary's key tables keep their primary key: two refreshes at once (an import beside an evaluation)
// must fail rather than give one customer or product two keys.
const UNINDEXED = new Set(['order_lines', 'run_results', 'order_days', 'order_new_lines']);

export function schemaStatements(): string[] {
  return [...FACT_TABLES, ...SYSTEM_TABLES].map((table) =>
    UNINDEXED.has(table.name) ? createTableSql(table).replace(/,\n {2}PRIMARY KEY \([^)]*\)/, '') : createTableSql(table),
  );
}

export function tableDefinition(name: string): TableDefinition {
  const found = [...FACT_TABLES, ...SYSTEM_TABLES].find((table) => table.name === name);
  if (found === undefined) throw new Error(`unknown table ${name}`);
  return found;
}
