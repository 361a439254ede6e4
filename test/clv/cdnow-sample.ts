import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { groupPatterns, summarizeTransactions, type CustomerSummary, type Transaction } from '@retail-value/core';

const SAMPLE = fileURLToPath(new URL('../fixtures/cdnow/CDNOW_sample.txt', import.meta.url));

/** The CDNOW 1/10 sample in its published format: master id, sample id, YYYYMMDD, CDs, dollars. */
export function cdnowTransactions(): Transaction[] {
  return readFileSync(SAMPLE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [customerId, , date, , amount] = line.trim().split(/\s+/) as [string, string, string, string, string];
      return { customerId, date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, amount: Number(amount) };
    });
}

/** The standard set-up: weeks, calibration to 1997-09-30, holdout to 1998-06-30. */
export function cdnowSummary(): CustomerSummary[] {
  return summarizeTransactions(cdnowTransactions(), { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
}

export function cdnowPatterns() {
  return groupPatterns(cdnowSummary());
}
