import type { FormulaNode } from './formula-ast.js';

type CallNode = Extract<FormulaNode, { kind: 'call' }>;
type BinaryNode = Extract<FormulaNode, { kind: 'binary' }>;

function evaluateBinary(node: BinaryNode, values: Readonly<Record<string, number | null>>): number | null {
  const left = evaluateFormula(node.left, values);
  const right = evaluateFormula(node.right, values);
  if (left === null || right === null) return null;
  if (node.operator === '+') return left + right;
  if (node.operator === '-') return left - right;
  if (node.operator === '*') return left * right;
  return right === 0 ? null : left / right;
}

function evaluateCall(node: CallNode, values: Readonly<Record<string, number | null>>): number | null {
  const args = node.args.map((arg) => evaluateFormula(arg, values));
  if (node.fn === 'coalesce') return args.find((value) => value !== null) ?? null;
  if (args.some((value) => value === null)) return null;
  const numbers = args as number[];
  const first = numbers[0] as number;
  switch (node.fn) {
    case 'abs':
      return Math.abs(first);
    case 'sqrt':
      return first < 0 ? null : Math.sqrt(first);
    case 'ln':
      return first <= 0 ? null : Math.log(first);
    case 'min':
      return Math.min(...numbers);
    case 'max':
      return Math.max(...numbers);
  }
}

/**
 * Evaluates a formula over known values with the same semantics as the SQL
 * the engine compiles: a missing operand gives null, division by zero gives
 * null, ln and sqrt outside their domain give null, min/max are null if any
 * argument is null, coalesce takes the first non-null argument.
 */
export function evaluateFormula(node: FormulaNode, values: Readonly<Record<string, number | null>>): number | null {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'ref':
      return values[node.name] ?? null;
    case 'negate': {
      const operand = evaluateFormula(node.operand, values);
      return operand === null ? null : -operand;
    }
    case 'binary':
      return evaluateBinary(node, values);
    case 'call':
      return evaluateCall(node, values);
  }
}
