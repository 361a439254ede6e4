import { z } from 'zod';
import { defineRoute } from './route.js';
import { roleSchema, userSchema } from './user.js';

export const createUserRequestSchema = z.object({
  username: z.string(),
  password: z.string(),
  role: roleSchema,
  district: z.string().nullable().optional(),
  managerId: z.string().nullable().optional(),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) });

export const userRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/api/users',
    summary: 'Every user account',
    tag: 'users',
    roles: ['admin'],
    response: userListSchema,
  }),
  create: defineRoute({
    method: 'POST',
    path: '/api/users',
    summary: 'Add a user account (audited)',
    tag: 'users',
    roles: ['admin'],
    body: createUserRequestSchema,
    response: userSchema,
    status: 201,
  }),
};
