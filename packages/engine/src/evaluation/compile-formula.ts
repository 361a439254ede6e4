import type { FormulaNode } from '@retail-value/core';

/**
 * Compiles a parsed formula to a SQL expression over measure columns of
 * `alias`. Only the parser's node kinds reach SQL: numbers are rendered by
 * the program, names are measure codes checked against the catalog, so no
 * user text is ever spliced in. Division by zero and out-of-domain ln/sqrt
 * give NULL, as evaluateFormula does in the core.
 */
export function compileFormula(node: FormulaNode, alias: string): string {
  switch (node.kind) {
    case 'number':
      // Exponent notation: a DOUBLE literal on every engine.
      return node.value.toExponential();
    case 'ref':
      return `${alias}.${node.name}`;
    case 'negate':
      return `(-${compileFormula(node.operand, alias)})`;
    case 'binary': {
      const left = compileFormula(node.left, alias);
      const right = compileFormula(node.right, alias);
      return node.operator === '/' ? `(${left} / NULLIF(${right}, 0))` : `(${left} ${node.operator} ${right})`;
    }
    case 'call': {
      const args = node.args.map((arg) => compileFormula(arg, alias));
      const first = args[0] as string;
      switch (node.fn) {
        case 'abs':
          return `abs(${first})`;
        case 'sqrt':
          return `(CASE WHEN ${first} >= 0 THEN sqrt(${first}) END)`;
        case 'ln':
          return `(CASE WHEN ${first} > 0 THEN ln(${first}) END)`;
        case 'min':
          // least/greatest skip NULLs on some engines: make a NULL argument give NULL everywhere.
          return `(CASE WHEN ${args.map((arg) => `${arg} IS NULL`).join(' OR ')} THEN NULL ELSE least(${args.join(', ')}) END)`;
        case 'max':
          return `(CASE WHEN ${args.map((arg) => `${arg} IS NULL`).join(' OR ')} THEN NULL ELSE greatest(${args.join(', ')}) END)`;
        case 'coalesce':
          return `coalesce(${args.join(', ')})`;
      }
    }
  }
}
