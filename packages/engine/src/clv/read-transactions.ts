import { readFile } from 'node:fs/promises';
import { issue, IssuesError, parseCalendarDate, parseDecimalNumber, type Issue, type Transaction } from '@retail-value/core';
import { decodeTableText } from '../toolbox/read-numeric-table.js';
import { parseCsvRecords } from '../toolbox/parse-csv-records.js';

/** The columns a transaction file must have, in any order; others are ignored. */
export const TRANSACTION_COLUMNS = ['customer_id', 'date', 'amount'] as const;

/** Beyond this many problems the reader lists no more, only how many there were. */
const MAX_LISTED_ISSUES = 100;

/**
 * Reads a transaction log for the CLV models: a CSV with a header row naming
 * `customer_id`, `date` (YYYY-MM-DD or YYYYMMDD) and `amount` (0 or more).
 * UTF-8 with or without BOM (GB18030 is recognised too). The file is taken
 * whole or not at all: every bad row is collected and thrown as one
 * IssuesError naming file, row (as an editor counts lines), column and value.
 */
export async function readTransactions(path: string): Promise<Transaction[]> {
  const records = parseCsvRecords(decodeTableText(await readFile(path)), path, 'clv.transactions.malformed');
  const [header, ...body] = records;
  if (header === undefined || body.length === 0) throw new IssuesError([issue('clv.transactions.empty', { file: path })]);
  const names = header.record.map((name) => name.toLowerCase());
  const position = Object.fromEntries(TRANSACTION_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<(typeof TRANSACTION_COLUMNS)[number], number>;
  const missing = TRANSACTION_COLUMNS.filter((column) => position[column] < 0);
  if (missing.length > 0) {
    throw new IssuesError(missing.map((column) => issue('clv.transactions.missing_column', { file: path, row: header.info.lines, params: { column } })));
  }

  const issues: Issue[] = [];
  let unlisted = 0;
  const report = (item: Issue): void => {
    if (issues.length < MAX_LISTED_ISSUES) issues.push(item);
    else unlisted++;
  };
  const transactions: Transaction[] = [];
  for (const { record, info } of body) {
    const row = info.lines;
    const customerId = record[position.customer_id] ?? '';
    const dateText = record[position.date] ?? '';
    const amountText = record[position.amount] ?? '';
    const date = parseCalendarDate(dateText);
    const amount = parseDecimalNumber(amountText);
    if (customerId === '') report(issue('clv.transactions.customer_blank', { file: path, row, column: 'customer_id' }));
    if (date === undefined) report(issue('clv.transactions.date_invalid', { file: path, row, column: 'date', value: dateText }));
    if (amount === undefined) report(issue('clv.transactions.amount_invalid', { file: path, row, column: 'amount', value: amountText }));
    else if (amount < 0) report(issue('clv.transactions.amount_negative', { file: path, row, column: 'amount', value: amountText }));
    if (customerId !== '' && date !== undefined && amount !== undefined && amount >= 0) transactions.push({ customerId, date, amount });
  }
  if (unlisted > 0) issues.push(issue('clv.transactions.too_many_issues', { file: path, params: { count: unlisted } }));
  if (issues.length > 0) throw new IssuesError(issues);
  return transactions;
}

