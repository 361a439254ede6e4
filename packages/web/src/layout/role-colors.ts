import type { Role } from '@retail-value/core';

/** Tag colours that tell roles apart at a glance. */
export const ROLE_COLORS: Readonly<Record<Role, string>> = {
  admin: 'volcano',
  analyst: 'geekblue',
  district: 'green',
  manager: 'gold',
};
