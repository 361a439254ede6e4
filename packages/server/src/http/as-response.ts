/** A homomorphic mapped type keeps arrays and tuples as they are, only without `readonly`. */
type Mutable<T> = T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;

/**
 * The engine hands out readonly values; the contract's types, inferred by
 * zod, have mutable arrays. The router only serialises the value, so this
 * changes the type and nothing else.
 */
export function asResponse<T>(value: T): Mutable<T> {
  return value as Mutable<T>;
}
