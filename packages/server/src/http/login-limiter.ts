export interface LoginLimiterOptions {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly now: () => Date;
}

/** Keys kept before old ones are swept, so a flood of names cannot grow memory without bound. */
const SWEEP_ABOVE = 10_000;

/**
 * Counts failed sign-ins per key (username and address) in a sliding
 * window. In memory: one server process guards itself, and a restart
 * forgets, which is acceptable for slowing down guessing.
 */
export class LoginLimiter {
  readonly #options: LoginLimiterOptions;
  readonly #failures = new Map<string, number[]>();

  constructor(options: LoginLimiterOptions) {
    this.#options = options;
  }

  #recent(key: string, now: number): number[] {
    const times = (this.#failures.get(key) ?? []).filter((time) => time > now - this.#options.windowMs);
    if (times.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, times);
    return times;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const now = this.#options.now().getTime();
    const times = this.#recent(key, now);
    if (times.length < this.#options.maxFailures) return 0;
    const oldestCounted = times[times.length - this.#options.maxFailures] ?? now;
    return oldestCounted + this.#options.windowMs - now;
  }

  recordFailure(key: string): void {
    const now = this.#options.now().getTime();
    this.#failures.set(key, [...this.#recent(key, now), now]);
    if (this.#failures.size > SWEEP_ABOVE) for (const stale of [...this.#failures.keys()]) this.#recent(stale, now);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }
}
