/**
 * Neumaier's compensated summation (Neumaier 1974, an improved Kahan sum):
 * the rounding error of every addition is carried in a second accumulator.
 * A likelihood summed over 100,000 customer patterns otherwise wobbles by
 * ~1e-14 of itself between neighbouring parameter values, which a line
 * search near the optimum cannot tell from real progress.
 */
export class CompensatedSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const next = this.sum + value;
    this.compensation += Math.abs(this.sum) >= Math.abs(value) ? this.sum - next + value : value - next + this.sum;
    this.sum = next;
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}
