const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A plain decimal number as people type it in a CSV cell or an option: "12",
 * "-3.5", ".5", "1e3". Unlike Number(), rejects "", "0x10", "Infinity" and
 * anything else that is not written as a finite decimal.
 */
export function parseDecimalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return DECIMAL.test(trimmed) && Number.isFinite(value) ? value : undefined;
}
