import { CREDIT_GRADES, type CreditGrade } from '../scheme/scheme-schema.js';

/** Whether a grade is at least `minimum` (AAA best … D worst); an unknown grade never passes a gate. */
export function passesCreditGate(grade: string | null, minimum: CreditGrade | undefined): boolean {
  if (minimum === undefined) return true;
  const position = CREDIT_GRADES.indexOf(grade as CreditGrade);
  return position >= 0 && position <= CREDIT_GRADES.indexOf(minimum);
}

/** Grade → points used by the credit_grade_score measure. */
export const CREDIT_GRADE_POINTS: Readonly<Record<CreditGrade, number>> = Object.freeze({ AAA: 100, AA: 90, A: 80, B: 60, C: 40, D: 20 });
