import { Alert } from 'antd';
import type { CSSProperties } from 'react';

/** The problems an API call reported (ApiError details), the first as the title, the rest below; nothing when there are none. */
export function ProblemsAlert({ problems, testId, style }: { readonly problems: readonly string[]; readonly testId: string; readonly style?: CSSProperties }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={problems[0]}
      description={problems.length > 1 ? problems.slice(1).map((problem) => <div key={problem}>{problem}</div>) : undefined}
      style={style}
      data-testid={testId}
    />
  );
}
