import { writeFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { CustomerValue } from '@retail-value/core';

/** Columns of the per-customer CLV prediction file, in order. */
export const CUSTOMER_VALUE_COLUMNS = ['customer_id', 'x', 't_x', 'T', 'p_alive', 'expected_transactions', 'expected_spend', 'clv'] as const;

/** Writes per-customer predictions as UTF-8 CSV with a header row; numbers at full double precision. */
export async function writeCustomerValues(path: string, values: readonly CustomerValue[]): Promise<void> {
  const rows = values.map((value) => [value.customerId, value.x, value.tx, value.T, value.pAlive, value.expectedTransactions, value.expectedSpend, value.clv]);
  await writeFile(path, stringify(rows, { header: true, columns: [...CUSTOMER_VALUE_COLUMNS] }), 'utf8');
}
