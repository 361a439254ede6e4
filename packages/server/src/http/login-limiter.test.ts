import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

describe('LoginLimiter', () => {
  it('blocks a key at the limit until its oldest counted failure leaves the window', () => {
    let now = 0;
    const limiter = new LoginLimiter({ maxFailures: 3, windowMs: 1000, now: () => new Date(now) });
    for (const time of [0, 100, 200]) {
      now = time;
      expect(limiter.retryAfterMs('a')).toBe(0);
      limiter.recordFailure('a');
    }
    expect(limiter.retryAfterMs('a')).toBe(800);
    expect(limiter.retryAfterMs('b')).toBe(0);
    now = 999;
    expect(limiter.retryAfterMs('a')).toBe(1);
    now = 1000;
    expect(limiter.retryAfterMs('a')).toBe(0);
    limiter.recordFailure('a');
    expect(limiter.retryAfterMs('a')).toBe(100);
  });

  it('forgets a key on success', () => {
    const limiter = new LoginLimiter({ maxFailures: 1, windowMs: 1000, now: () => new Date(0) });
    limiter.recordFailure('a');
    expect(limiter.retryAfterMs('a')).toBe(1000);
    limiter.reset('a');
    expect(limiter.retryAfterMs('a')).toBe(0);
  });
});
