import { userScope, type ScopedUser } from '@retail-value/core';
import type { SqlValue } from '../db/database.js';

export interface SqlPredicate {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/**
 * The condition every customer query adds so a user sees only their scope,
 * over a `customers` table aliased `alias`, with parameters numbered from
 * `firstParamIndex`: `c.district = $3` for a district head,
 * `c.manager_id = $3` for a customer manager, `TRUE` for everyone else.
 */
export function scopePredicate(user: ScopedUser, alias: string, firstParamIndex: number): SqlPredicate {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  const scope = userScope(user);
  switch (scope.kind) {
    case 'all':
      return { sql: 'TRUE', params: [] };
    case 'district':
      return { sql: `${alias}.district = $${firstParamIndex}`, params: [scope.district] };
    case 'manager':
      return { sql: `${alias}.manager_id = $${firstParamIndex}`, params: [scope.managerId] };
  }
}
