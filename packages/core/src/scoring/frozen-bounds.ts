/**
 * Statistics of one indicator's raw values within one peer group, frozen
 * into the run so every score can be re-derived and explained later.
 */
export interface FrozenBounds {
  /** Peer group key: 'all', a market code or a format code. */
  readonly group: string;
  readonly count: number;
  readonly min: number | null;
  readonly max: number | null;
  /** Winsorising quantiles (min-max) */
  readonly lo: number | null;
  readonly hi: number | null;
  readonly mean: number | null;
  readonly sd: number | null;
  /** The median raw value, where the missing-value score can read it (the `median` policy, not percentile scoring, and a value missing in the run); null otherwise. */
  readonly median: number | null;
}
