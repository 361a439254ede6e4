import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssuesError } from '@retail-value/core';
import { readTransactions } from './read-transactions.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'read-transactions-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, 'utf8');
  return path;
}

async function issuesOf(path: string) {
  try {
    await readTransactions(path);
  } catch (error) {
    if (error instanceof IssuesError) return error.issues;
    throw error;
  }
  throw new Error('expected issues');
}

describe('readTransactions', () => {
  it('reads columns in any order, skips extra columns, drops a BOM and normalises compact dates', async () => {
    const path = await fileWith('ok.csv', '\uFEFFAmount,store,Customer_ID,date\n12.5,x,C1,19970101\n0,y,C2,1997-01-02\n');
    expect(await readTransactions(path)).toEqual([
      { customerId: 'C1', date: '1997-01-01', amount: 12.5 },
      { customerId: 'C2', date: '1997-01-02', amount: 0 },
    ]);
  });

  it('reports missing columns against the header row', async () => {
    const issues = await issuesOf(await fileWith('columns.csv', 'id,date,value\nC1,2024-01-01,3\n'));
    expect(issues.map((item) => [item.code, item.row, item.params?.column])).toEqual([
      ['clv.transactions.missing_column', 1, 'customer_id'],
      ['clv.transactions.missing_column', 1, 'amount'],
    ]);
  });

  it('reports an empty file', async () => {
    const issues = await issuesOf(await fileWith('empty.csv', 'customer_id,date,amount\n'));
    expect(issues.map((item) => item.code)).toEqual(['clv.transactions.empty']);
  });

  it('lists at most 100 problems and counts the rest', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `C${i},not-a-date,1`).join('\n');
    const issues = await issuesOf(await fileWith('many.csv', `customer_id,date,amount\n${rows}\n`));
    expect(issues).toHaveLength(101);
    expect(issues[0]).toMatchObject({ code: 'clv.transactions.date_invalid', row: 2, column: 'date', value: 'not-a-date' });
    expect(issues[100]).toMatchObject({ code: 'clv.transactions.too_many_issues', params: { count: 50 } });
  });
});
