import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useDocumentTitle } from './use-document-title.js';

/** A page's title, what it is for, and its main actions. */
export function PageHeader({ title, description, extra }: { readonly title: string; readonly description?: string; readonly extra?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Flex justify="space-between" align="flex-start" gap={16} style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description === undefined ? null : (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {description}
          </Typography.Text>
        )}
      </div>
      {extra}
    </Flex>
  );
}
