import { z } from 'zod';
import { ROLES } from '../accounts/role.js';

export const roleSchema = z.enum(ROLES);

export const userSchema = z.object({
  username: z.string(),
  role: roleSchema,
  /** The district a district head oversees. */
  district: z.string().nullable(),
  /** The customer manager id whose customers a manager user sees. */
  managerId: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
