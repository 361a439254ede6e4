/**
 * Who uses the product (DOMAIN.md §1). An analyst and an administrator see
 * every customer; a district head sees one district; a customer manager sees
 * the customers they serve.
 */
export const ROLES = ['admin', 'analyst', 'district', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
