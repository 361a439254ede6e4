import type { Role } from './role.js';

/** The part of a user that decides which customers they may see. */
export interface ScopedUser {
  readonly role: Role;
  readonly district: string | null;
  readonly managerId: string | null;
}

export type UserScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'district'; readonly district: string }
  | { readonly kind: 'manager'; readonly managerId: string };

/**
 * The customers a user may see: everything for administrators and analysts,
 * their district for a district head, their own customers for a customer
 * manager. A district or manager user without their key is a broken account,
 * not a user who sees everything, so it throws.
 */
export function userScope(user: ScopedUser): UserScope {
  switch (user.role) {
    case 'admin':
    case 'analyst':
      return { kind: 'all' };
    case 'district':
      if (user.district === null) throw new Error('district user without a district');
      return { kind: 'district', district: user.district };
    case 'manager':
      if (user.managerId === null) throw new Error('manager user without a manager id');
      return { kind: 'manager', managerId: user.managerId };
  }
}
