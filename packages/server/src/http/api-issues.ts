import { formatIssue, type ApiIssue, type Issue, type Locale } from '@retail-value/core';

/** Issues as the API answers them: rendered in the request's language, with their location fields. */
export function apiIssues(issues: readonly Issue[], locale: Locale): ApiIssue[] {
  return issues.map((item) => ({
    code: item.code,
    message: formatIssue(item, locale),
    ...(item.file === undefined ? {} : { file: item.file }),
    ...(item.row === undefined ? {} : { row: item.row }),
    ...(item.column === undefined ? {} : { column: item.column }),
    ...(item.value === undefined ? {} : { value: item.value }),
  }));
}
