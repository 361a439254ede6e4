import { describe, expect, it } from 'vitest';
import { dayNumber, parseCalendarDate } from './calendar-day.js';
import { periodLength, summarizeTransactions, type Transaction } from './summarize-transactions.js';

const TRANSACTIONS: Transaction[] = [
  { customerId: 'c1', date: '2024-01-01', amount: 10 },
  { customerId: 'c2', date: '2024-01-15', amount: 12 },
  { customerId: 'c1', date: '2024-01-01', amount: 5 },
  { customerId: 'c1', date: '2024-01-22', amount: 30 },
  { customerId: 'c1', date: '2024-01-08', amount: 20 },
  { customerId: 'c3', date: '2024-02-01', amount: 99 },
  { customerId: 'c1', date: '2024-02-05', amount: 40 },
  { customerId: 'c4', date: '2024-01-10', amount: 7 },
  { customerId: 'c4', date: '2024-03-01', amount: 8 },
];

describe('summarizeTransactions', () => {
  it('computes x, t_x, T in weeks, the mean repeat value and holdout counts', () => {
    const summary = summarizeTransactions(TRANSACTIONS, { calibrationEnd: '2024-01-28', holdoutEnd: '2024-02-25' });
    expect(summary.map((customer) => customer.customerId)).toEqual(['c1', 'c2', 'c4']);
    // c1: trial 01-01 (two transactions that day are one), repeats 01-08 and 01-22, one holdout purchase.
    expect(summary[0]).toEqual({ customerId: 'c1', x: 2, tx: 3, T: 27 / 7, monetaryValue: 25, holdoutTransactions: 1, holdoutAmount: 40 });
    expect(summary[1]).toEqual({ customerId: 'c2', x: 0, tx: 0, T: 13 / 7, monetaryValue: 0, holdoutTransactions: 0, holdoutAmount: 0 });
    // c4's second purchase falls after the holdout end and is ignored.
    expect(summary[2]).toMatchObject({ x: 0, holdoutTransactions: 0 });
  });

  it('counts time in days with timeUnitDays = 1 and omits holdout fields without a holdout', () => {
    const summary = summarizeTransactions(TRANSACTIONS, { calibrationEnd: '2024-01-28', timeUnitDays: 1 });
    expect(summary[0]).toEqual({ customerId: 'c1', x: 2, tx: 21, T: 27, monetaryValue: 25 });
  });

  it('rejects a holdout that does not end after the calibration', () => {
    expect(() => summarizeTransactions(TRANSACTIONS, { calibrationEnd: '2024-01-28', holdoutEnd: '2024-01-28' })).toThrow(RangeError);
  });

  it('measures periods in time units', () => {
    expect(periodLength('1997-09-30', '1998-06-30')).toBe(39);
    expect(periodLength('1997-09-30', '1998-06-30', 1)).toBe(273);
  });
});

describe('calendar days', () => {
  it('reads ISO and compact dates and rejects impossible ones', () => {
    expect(parseCalendarDate('19970101')).toBe('1997-01-01');
    expect(parseCalendarDate(' 2024-02-29 ')).toBe('2024-02-29');
    expect(parseCalendarDate('2023-02-29')).toBeUndefined();
    expect(parseCalendarDate('2024-13-01')).toBeUndefined();
    expect(parseCalendarDate('2024/01/01')).toBeUndefined();
  });

  it('counts whole days across daylight-saving and year boundaries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1998-06-30') - dayNumber('1997-09-30')).toBe(273);
    expect(dayNumber('2024-03-11') - dayNumber('2024-03-09')).toBe(2);
    expect(() => dayNumber('19970101')).toThrow(RangeError);
  });
});
