import { issue, IssuesError } from '../issues/issue.js';

const DECIMAL = String.raw`(\d+(?:\.\d*)?|\.\d+)`;
/** "3", "0.5", "1/3", "1 / 3"; the full-width slash typed by Chinese input methods counts as a slash. */
const JUDGMENT = new RegExp(String.raw`^${DECIMAL}(?:\s*[/／]\s*${DECIMAL})?$`);

/**
 * Parses one pairwise judgment as typed in a comparison matrix: an integer,
 * a decimal or a fraction a/b. Throws IssuesError (code
 * `methods.pairwise.invalid`) for anything else, including a zero denominator.
 */
export function parsePairwiseValue(text: string): number {
  const match = JUDGMENT.exec(text.trim());
  if (match !== null) {
    const numerator = Number(match[1]);
    const denominator = match[2] === undefined ? 1 : Number(match[2]);
    if (denominator !== 0) return numerator / denominator;
  }
  throw new IssuesError([issue('methods.pairwise.invalid', { value: text })]);
}
