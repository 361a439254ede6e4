import type { ValueCell } from '../scheme/scheme-schema.js';

/**
 * The value-matrix cell (DOMAIN §4): high/low current value × high/low
 * potential value, "high" meaning at or above the frozen threshold.
 */
export function classifyValueMatrix(currentValue: number, potentialValue: number, currentThreshold: number, potentialThreshold: number): ValueCell {
  const highCurrent = currentValue >= currentThreshold;
  const highPotential = potentialValue >= potentialThreshold;
  if (highCurrent) return highPotential ? 'value' : 'sub_value';
  return highPotential ? 'potential_value' : 'low_value';
}
