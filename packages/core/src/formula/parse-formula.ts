import { issue, IssuesError, type Issue } from '../issues/issue.js';
import { FORMULA_FUNCTIONS, type FormulaFunction, type FormulaNode } from './formula-ast.js';

type Token =
  | { readonly type: 'number'; readonly text: string; readonly position: number }
  | { readonly type: 'ident'; readonly text: string; readonly position: number }
  | { readonly type: 'op'; readonly text: '+' | '-' | '*' | '/' | '(' | ')' | ','; readonly position: number }
  | { readonly type: 'end'; readonly text: ''; readonly position: number };

const MAX_LENGTH = 500;
const MAX_DEPTH = 40;

function fail(code: string, position: number, token: string, formula: string): never {
  const found: Issue = issue(code, { params: { position, token, formula } });
  throw new IssuesError([found]);
}

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < formula.length) {
    const char = formula[index] as string;
    const position = index + 1;
    if (/\s/.test(char)) {
      index += 1;
    } else if (/[0-9.]/.test(char)) {
      const match = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(formula.slice(index));
      if (match === null) fail('formula.bad_number', position, char, formula);
      tokens.push({ type: 'number', text: match[0], position });
      index += match[0].length;
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(formula.slice(index)) as RegExpExecArray;
      tokens.push({ type: 'ident', text: match[0], position });
      index += match[0].length;
    } else if ('+-*/(),'.includes(char)) {
      tokens.push({ type: 'op', text: char as '+', position });
      index += 1;
    } else {
      fail('formula.unexpected_character', position, char, formula);
    }
  }
  tokens.push({ type: 'end', text: '', position: formula.length + 1 });
  return tokens;
}

/**
 * Parses an indicator formula with our own grammar (never handed to SQL as
 * text):
 *
 *   expression := term (('+' | '-') term)*
 *   term       := unary (('*' | '/') unary)*
 *   unary      := '-' unary | primary
 *   primary    := number | name | name '(' expression (',' expression)* ')' | '(' expression ')'
 *
 * Names must be in `knownNames` (the measure catalog); functions are those
 * of FORMULA_FUNCTIONS. Errors carry the 1-based character position.
 */
export function parseFormula(formula: string, knownNames: ReadonlySet<string>): FormulaNode {
  if (formula.trim() === '') fail('formula.empty', 1, '', formula);
  if (formula.length > MAX_LENGTH) fail('formula.too_long', MAX_LENGTH, '', formula);
  const tokens = tokenize(formula);
  let cursor = 0;
  let depth = 0;
  const peek = (): Token => tokens[cursor] as Token;
  const next = (): Token => tokens[cursor++] as Token;
  const describe = (token: Token): string => (token.type === 'end' ? '' : token.text);

  const expect = (text: string): void => {
    const token = next();
    if (token.text !== text) {
      fail(token.type === 'end' ? 'formula.unexpected_end' : 'formula.expected', token.position, describe(token), formula);
    }
  };

  const expression = (): FormulaNode => {
    depth += 1;
    if (depth > MAX_DEPTH) fail('formula.too_deep', peek().position, describe(peek()), formula);
    let left = term();
    while (peek().text === '+' || peek().text === '-') {
      const operator = next();
      left = { kind: 'binary', operator: operator.text as '+' | '-', left, right: term(), position: operator.position };
    }
    depth -= 1;
    return left;
  };

  const term = (): FormulaNode => {
    let left = unary();
    while (peek().text === '*' || peek().text === '/') {
      const operator = next();
      left = { kind: 'binary', operator: operator.text as '*' | '/', left, right: unary(), position: operator.position };
    }
    return left;
  };

  const unary = (): FormulaNode => {
    if (peek().text === '-') {
      const operator = next();
      return { kind: 'negate', operand: unary(), position: operator.position };
    }
    return primary();
  };

  const primary = (): FormulaNode => {
    const token = next();
    if (token.type === 'number') {
      const value = Number(token.text);
      if (!Number.isFinite(value)) fail('formula.bad_number', token.position, token.text, formula);
      return { kind: 'number', value, position: token.position };
    }
    if (token.type === 'ident') {
      if (peek().text === '(') {
        if (!(token.text in FORMULA_FUNCTIONS)) fail('formula.unknown_function', token.position, token.text, formula);
        const fn = token.text as FormulaFunction;
        next();
        const args: FormulaNode[] = [expression()];
        while (peek().text === ',') {
          next();
          args.push(expression());
        }
        expect(')');
        const [min, max] = FORMULA_FUNCTIONS[fn];
        if (args.length < min || args.length > max) fail('formula.arity', token.position, token.text, formula);
        return { kind: 'call', fn, args, position: token.position };
      }
      if (!knownNames.has(token.text)) fail('formula.unknown_name', token.position, token.text, formula);
      return { kind: 'ref', name: token.text, position: token.position };
    }
    if (token.text === '(') {
      const inner = expression();
      expect(')');
      return inner;
    }
    fail(token.type === 'end' ? 'formula.unexpected_end' : 'formula.unexpected_token', token.position, describe(token), formula);
  };

  const root = expression();
  const trailing = peek();
  if (trailing.type !== 'end') fail('formula.unexpected_token', trailing.position, trailing.text, formula);
  return root;
}
