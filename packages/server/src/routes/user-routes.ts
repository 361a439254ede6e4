import { userRoutes } from '@retail-value/core';
import { addUser, listUsers, recordAudit } from '@retail-value/engine';
import type { AppDeps } from '../app-env.js';
import type { ApiRouter } from '../http/api-router.js';

export function registerUserRoutes(api: ApiRouter, deps: AppDeps): void {
  api.add(userRoutes.list, async () => ({ users: await listUsers(deps.db) }));

  api.add(userRoutes.create, async ({ body, session }) => {
    const user = await addUser(deps.db, body, deps.now());
    await recordAudit(
      deps.db,
      {
        username: session.user.username,
        action: 'user.create',
        target: user.username,
        detail: { role: user.role, district: user.district, managerId: user.managerId },
      },
      deps.now(),
    );
    return user;
  });
}
