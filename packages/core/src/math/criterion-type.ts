import { issue, IssuesError, type Issue } from '../issues/issue.js';

/** '+' benefit (higher is better), '-' cost (lower is better). */
export type CriterionType = '+' | '-';

export const CRITERION_TYPES: readonly CriterionType[] = ['+', '-'];

function isCriterionType(value: unknown): value is CriterionType {
  return value === '+' || value === '-';
}

/** Checks one type per criterion; callers outside TypeScript (JSON, CSV) can pass anything. */
export function assertCriterionTypes(types: readonly unknown[], criteriaCount: number): asserts types is readonly CriterionType[] {
  const issues: Issue[] = [];
  if (types.length !== criteriaCount) {
    issues.push(issue('methods.types.length', { params: { count: types.length, expected: criteriaCount } }));
  }
  for (const [index, type] of types.entries()) {
    if (!isCriterionType(type)) issues.push(issue('methods.types.invalid', { value: String(type), params: { index: index + 1 } }));
  }
  if (issues.length > 0) throw new IssuesError(issues);
}

/** Parses a comma-separated list such as "+,-,+". */
export function parseCriterionTypes(list: string): CriterionType[] {
  const items = list.split(',').map((item) => item.trim());
  const issues = items.flatMap((item, index) =>
    isCriterionType(item) ? [] : [issue('methods.types.invalid', { value: item, params: { index: index + 1 } })],
  );
  if (issues.length > 0) throw new IssuesError(issues);
  return items as CriterionType[];
}
