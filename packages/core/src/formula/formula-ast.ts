/** The syntax tree of an indicator formula. Positions are 1-based character offsets. */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'ref'; readonly name: string; readonly position: number }
  | { readonly kind: 'negate'; readonly operand: FormulaNode; readonly position: number }
  | {
      readonly kind: 'binary';
      readonly operator: '+' | '-' | '*' | '/';
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly position: number;
    }
  | { readonly kind: 'call'; readonly fn: FormulaFunction; readonly args: readonly FormulaNode[]; readonly position: number };

/** Functions a formula may call, with their arity (min, max). */
export const FORMULA_FUNCTIONS = Object.freeze({
  abs: [1, 1],
  sqrt: [1, 1],
  ln: [1, 1],
  min: [2, 8],
  max: [2, 8],
  coalesce: [2, 8],
} as const);

export type FormulaFunction = keyof typeof FORMULA_FUNCTIONS;

/** The names a formula refers to, in order of first use. */
export function formulaReferences(node: FormulaNode): string[] {
  const names: string[] = [];
  const visit = (current: FormulaNode): void => {
    switch (current.kind) {
      case 'ref':
        if (!names.includes(current.name)) names.push(current.name);
        return;
      case 'negate':
        visit(current.operand);
        return;
      case 'binary':
        visit(current.left);
        visit(current.right);
        return;
      case 'call':
        current.args.forEach(visit);
        return;
      case 'number':
        return;
    }
  };
  visit(node);
  return names;
}
