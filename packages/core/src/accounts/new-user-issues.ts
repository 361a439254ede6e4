import { issue, type Issue } from '../issues/issue.js';
import { isRole } from './role.js';

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly role: string;
  readonly district?: string | null | undefined;
  readonly managerId?: string | null | undefined;
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** Letters (Chinese names included), digits and `_ . -`; no spaces, so a name reads the same in logs. */
const USERNAME = /^[\p{L}\p{N}_.-]{2,32}$/u;

function present(value: string | null | undefined): value is string {
  return value !== undefined && value !== null && value.trim() !== '';
}

/**
 * Checks a new account before it is stored. A district head needs the
 * district they oversee and a customer manager their manager id, because
 * those decide what they see; other roles must not carry either, so an
 * account never looks scoped when it is not. Passwords are never echoed.
 */
export function newUserIssues(user: NewUser): Issue[] {
  const issues: Issue[] = [];
  if (!USERNAME.test(user.username)) issues.push(issue('user.username_invalid', { value: user.username }));
  if (user.password.length < MIN_PASSWORD_LENGTH) {
    issues.push(issue('user.password_too_short', { params: { min: MIN_PASSWORD_LENGTH } }));
  }
  if (user.password.length > MAX_PASSWORD_LENGTH) {
    issues.push(issue('user.password_too_long', { params: { max: MAX_PASSWORD_LENGTH } }));
  }
  if (!isRole(user.role)) {
    issues.push(issue('user.role_invalid', { value: user.role }));
    return issues;
  }
  if (user.role === 'district' && !present(user.district)) issues.push(issue('user.district_required'));
  if (user.role !== 'district' && present(user.district)) issues.push(issue('user.district_not_applicable'));
  if (user.role === 'manager' && !present(user.managerId)) issues.push(issue('user.manager_id_required'));
  if (user.role !== 'manager' && present(user.managerId)) issues.push(issue('user.manager_id_not_applicable'));
  return issues;
}
