import { describe, expect, it } from 'vitest';
import { routePath } from './route.js';

describe('routePath', () => {
  it('fills and encodes path parameters', () => {
    expect(routePath('/api/runs/:runId/customers/:customerId', { runId: '2026Q1', customerId: '客户 1/2' })).toBe(
      '/api/runs/2026Q1/customers/%E5%AE%A2%E6%88%B7%201%2F2',
    );
    expect(routePath('/api/users')).toBe('/api/users');
  });

  it('refuses a missing parameter rather than calling a wrong address', () => {
    expect(() => routePath('/api/runs/:runId', {})).toThrow('missing path parameter runId');
  });
});
