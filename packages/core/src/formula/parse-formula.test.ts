import { describe, expect, it } from 'vitest';
import { IssuesError } from '../issues/issue.js';
import { formatIssue } from '../issues/issue.js';
import { evaluateFormula } from './evaluate-formula.js';
import { formulaReferences } from './formula-ast.js';
import { parseFormula } from './parse-formula.js';

const names = new Set(['gross_profit', 'order_count', 'qty', 'qty_prev']);

function failure(formula: string): IssuesError {
  try {
    parseFormula(formula, names);
  } catch (error) {
    if (error instanceof IssuesError) return error;
    throw error;
  }
  throw new Error(`parsed: ${formula}`);
}

describe('parseFormula', () => {
  it('honours precedence and associativity', () => {
    const node = parseFormula('qty - qty_prev - 2 * 3 / 4', names);
    expect(evaluateFormula(node, { qty: 10, qty_prev: 4 })).toBeCloseTo(10 - 4 - 1.5, 12);
    expect(evaluateFormula(parseFormula('-(qty + 1) * 2', names), { qty: 3 })).toBe(-8);
  });

  it('divides by zero to a missing value, as the SQL does', () => {
    const node = parseFormula('gross_profit / order_count', names);
    expect(evaluateFormula(node, { gross_profit: 100, order_count: 0 })).toBeNull();
    expect(evaluateFormula(node, { gross_profit: 100, order_count: 4 })).toBe(25);
  });

  it('supports functions with their arity', () => {
    expect(evaluateFormula(parseFormula('max(qty, qty_prev, 5)', names), { qty: 3, qty_prev: 4 })).toBe(5);
    expect(evaluateFormula(parseFormula('ln(qty)', names), { qty: 0 })).toBeNull();
    expect(evaluateFormula(parseFormula('coalesce(qty_prev, 0)', names), { qty_prev: null })).toBe(0);
    expect(formulaReferences(parseFormula('(qty - qty_prev) / qty_prev', names))).toEqual(['qty', 'qty_prev']);
  });

  it('reports the position of an unknown name', () => {
    const error = failure('gross_profit / orders');
    expect(error.issues[0]?.code).toBe('formula.unknown_name');
    expect(error.issues[0]?.params?.position).toBe(16);
    expect(formatIssue(error.issues[0]!, 'zh-CN')).toContain('第 16 个字符');
    expect(formatIssue(error.issues[0]!, 'en')).toContain('"orders" at character 16');
  });

  it('rejects malformed formulas with their position', () => {
    expect(failure('qty +').issues[0]).toMatchObject({ code: 'formula.unexpected_end', params: { position: 6 } });
    expect(failure('(qty + 1').issues[0]).toMatchObject({ code: 'formula.unexpected_end' });
    expect(failure('qty; DROP TABLE customers').issues[0]).toMatchObject({ code: 'formula.unexpected_character', params: { position: 4 } });
    expect(failure('qty 2').issues[0]).toMatchObject({ code: 'formula.unexpected_token', params: { position: 5 } });
    expect(failure('exp(qty)').issues[0]).toMatchObject({ code: 'formula.unknown_function' });
    expect(failure('max(qty)').issues[0]).toMatchObject({ code: 'formula.arity' });
    expect(failure('').issues[0]).toMatchObject({ code: 'formula.empty' });
  });
});
