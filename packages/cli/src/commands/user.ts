import type { Command } from 'commander';
import { t, type User } from '@retail-value/core';
import { addUser, listUsers, recordAudit } from '@retail-value/engine';
import { localeOption } from '../context.js';
import { withDatabase } from '../db-option.js';
import { formatTextTable } from '../text-table.js';
import type { CommandModule } from './index.js';

interface AddFlags {
  readonly db: string;
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly district?: string;
  readonly managerId?: string;
  readonly json?: boolean;
}

/** `retail-value user add|list`: the accounts that sign in to the web UI and the API. */
export const userCommand: CommandModule = (program, context) => {
  const user = program.command('user').description('manage the accounts that sign in to the web UI and the HTTP API');

  user
    .command('add')
    .description('add an account (recorded in the audit log)')
    .requiredOption('--db <file>', 'DuckDB database file')
    .requiredOption('--username <name>', 'sign-in name: 2–32 letters, digits or _ . -')
    .requiredOption('--password <password>', 'at least 8 characters; only a salted scrypt hash is stored')
    .requiredOption('--role <role>', 'admin, analyst, district (district head) or manager (customer manager)')
    .option('--district <district>', 'the district a district head oversees (required for --role district)')
    .option('--manager-id <id>', 'the customer manager id whose customers a manager sees (required for --role manager)')
    .option('--json', 'print the new account as JSON')
    .action(async (flags: AddFlags, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const added = await withDatabase(flags.db, async (db) => {
        const created = await addUser(db, flags);
        await recordAudit(db, {
          username: null,
          action: 'user.create',
          target: created.username,
          detail: { role: created.role, district: created.district, managerId: created.managerId, via: 'cli' },
        });
        return created;
      });
      if (flags.json === true) context.json(added);
      else context.out(t(locale, 'user.added', { username: added.username, role: t(locale, `role.${added.role}`) }));
    });

  user
    .command('list')
    .description('list every account')
    .requiredOption('--db <file>', 'DuckDB database file')
    .option('--json', 'print the accounts as JSON')
    .action(async (flags: { db: string; json?: boolean }, command: Command) => {
      const locale = localeOption(command.optsWithGlobals<{ lang?: string }>().lang);
      const users = await withDatabase(flags.db, listUsers);
      if (flags.json === true) context.json({ users });
      else if (users.length === 0) context.out(t(locale, 'user.list.empty'));
      else context.out(userTable(users, locale));
    });
};

function userTable(users: readonly User[], locale: ReturnType<typeof localeOption>): string {
  const headers = ['username', 'role', 'district', 'manager_id', 'created_at'].map((column) => t(locale, `user.label.${column}`));
  const rows = users.map((user) => [user.username, t(locale, `role.${user.role}`), user.district ?? '', user.managerId ?? '', user.createdAt]);
  return formatTextTable(headers, rows);
}
