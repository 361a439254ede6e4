import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Select, Steps, Table, Tag, Typography, Upload } from 'antd';
import { CheckOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { importRoutes, MAX_UPLOAD_BYTES, type DataLoad, type ImportIssue, type ImportPreviewResponse } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useApiData } from '../../api/use-api-data.js';
import { useSession } from '../../auth/session-context.js';
import { formatCount } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { PageHeader } from '../../layout/page-header.js';
import { LoadError } from '../load-error.js';

/** The kinds in the order they are usually loaded (customers and products before the facts that refer to them). */
const KINDS = ['customers', 'products', 'orders', 'visits', 'feedback', 'promotions', 'displays', 'credit-events', 'assessments', 'surveys'] as const;

/**
 * 数据导入: choose the kind of data and a file, let the server check every
 * row (nothing is written), read the row-level report, and only then
 * confirm the import, which writes the whole file or nothing.
 */
export function ImportPage() {
  const { t, locale } = useI18n();
  const { label, term } = useCoreText();
  const { api } = useSession();
  const { message } = App.useApp();
  const [kind, setKind] = useState<string>('customers');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [checking, setChecking] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [preview, setPreview] = useState<ImportPreviewResponse | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string[]>([]);
  const [version, setVersion] = useState(0);
  // `version` is a dependency only to reload after an import.
  const loadLoads = useCallback(() => api(importRoutes.loads, { query: { limit: 20 } }), [api, version]);
  const loads = useApiData(loadLoads);
  const kindName = (value: string) => (value === 'demo' || value === 'test' ? t('import.loads.demo') : label(`import.kind.${value}`));

  const restart = () => {
    setFile(undefined);
    setPreview(undefined);
    setProblem([]);
  };

  const check = async () => {
    if (file === undefined) return;
    setChecking(true);
    setProblem([]);
    setPreview(undefined);
    setDone(undefined);
    try {
      const form = new FormData();
      form.set('kind', kind);
      form.set('file', file, file.name);
      setPreview(await api(importRoutes.preview, { form }));
    } catch (error) {
      setProblem(error instanceof ApiError ? error.details : [String(error)]);
    } finally {
      setChecking(false);
    }
  };

  const commit = async () => {
    if (preview?.token === null || preview === undefined) return;
    setCommitting(true);
    setProblem([]);
    try {
      const result = await api(importRoutes.commit, { params: { token: preview.token } });
      const text = t('import.done', {
        kind: term(`import.kind.${result.kind}`),
        file: result.file,
        rows: formatCount(result.rows, locale),
        inserted: formatCount(result.inserted, locale),
        updated: formatCount(result.updated, locale),
        loadId: result.loadId,
      });
      setDone(text);
      message.success(text);
      restart();
      setVersion((value) => value + 1);
    } catch (error) {
      setProblem(error instanceof ApiError ? error.details : [String(error)]);
    } finally {
      setCommitting(false);
    }
  };

  const step = preview === undefined ? 0 : preview.token === null ? 1 : 2;
  const ignored = (preview?.columns ?? []).filter((column) => column.column === null);

  return (
    <>
      <PageHeader title={t('nav.import')} description={t('import.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step}
          status={preview !== undefined && preview.token === null ? 'error' : 'process'}
          items={[{ title: t('import.step.choose') }, { title: t('import.step.check') }, { title: t('import.step.commit') }]}
          style={{ marginBottom: 24, maxWidth: 720 }}
        />
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('import.field.kind')}>
            <Select
              value={kind}
              onChange={(value: string) => {
                setKind(value);
                setPreview(undefined);
              }}
              options={KINDS.map((value) => ({ value, label: label(`import.kind.${value}`) }))}
              style={{ width: 240 }}
              data-testid="import-kind"
            />
          </Form.Item>
          <Form.Item label={t('import.field.file')}>
            <Upload.Dragger
              accept=".csv,.txt,.xlsx"
              multiple={false}
              maxCount={1}
              fileList={file === undefined ? [] : [{ uid: 'upload', name: file.name, status: 'done', size: file.size }]}
              beforeUpload={(chosen) => {
                setFile(chosen);
                setPreview(undefined);
                setProblem([]);
                // Keep the file here; it is sent when the user asks for the check.
                return false;
              }}
              onRemove={() => restart()}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.drop')}</p>
              <p className="ant-upload-hint">{t('import.drop_hint', { limit: Math.round(MAX_UPLOAD_BYTES / (1024 * 1024)) })}</p>
            </Upload.Dragger>
          </Form.Item>
          <Flex gap={12}>
            <Button type="primary" onClick={() => void check()} loading={checking} disabled={file === undefined} data-testid="import-check">
              {t('import.check')}
            </Button>
            {preview === undefined ? null : (
              <Button icon={<ReloadOutlined />} onClick={restart}>
                {t('import.restart')}
              </Button>
            )}
          </Flex>
        </Form>
      </Card>

      {problem.length === 0 ? null : (
        <Alert
          type="error"
          showIcon
          title={problem[0]}
          description={problem.length > 1 ? problem.slice(1).map((line) => <div key={line}>{line}</div>) : undefined}
          style={{ marginBottom: 16 }}
          data-testid="import-error"
        />
      )}
      {done === undefined ? null : <Alert type="success" showIcon title={done} style={{ marginBottom: 16 }} data-testid="import-done" closable onClose={() => setDone(undefined)} />}

      {preview === undefined ? null : (
        <Card style={{ marginBottom: 16 }} data-testid="import-report">
          {preview.token === null ? (
            <Alert
              type="error"
              showIcon
              title={t('import.report.bad', { file: preview.file, total: formatCount(preview.totalIssues, locale) })}
              description={preview.totalIssues > preview.issues.length ? t('import.report.shown', { shown: preview.issues.length }) : undefined}
              style={{ marginBottom: 16 }}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              title={t('import.report.ok', { file: preview.file, rows: formatCount(preview.rows, locale) })}
              description={preview.expiresAt === null ? undefined : t('import.report.expires', { time: dayjs(preview.expiresAt).format('HH:mm') })}
              action={
                <Button type="primary" icon={<CheckOutlined />} loading={committing} onClick={() => void commit()} data-testid="import-commit">
                  {t('import.commit')}
                </Button>
              }
              style={{ marginBottom: 16 }}
            />
          )}
          {preview.columns.length === 0 ? null : (
            <Flex wrap gap={6} align="center" style={{ marginBottom: preview.issues.length > 0 ? 16 : 0 }}>
              <Typography.Text type="secondary" style={{ marginInlineEnd: 4 }}>
                {t('import.report.columns')}
              </Typography.Text>
              {preview.columns.map((column) => (
                <Tag key={column.header} color={column.column === null ? 'default' : 'blue'} variant="outlined" style={{ marginInlineEnd: 0 }}>
                  {column.column === null || column.column === column.header ? column.header : `${column.header} → ${column.column}`}
                </Tag>
              ))}
              {ignored.length > 0 ? (
                <Typography.Text type="secondary" style={{ marginInlineStart: 4 }}>
                  {t('import.report.ignored')}
                </Typography.Text>
              ) : null}
            </Flex>
          )}
          {preview.issues.length === 0 ? null : (
            <Table<ImportIssue>
              rowKey={(issue) => `${issue.row ?? ''}:${issue.column ?? ''}:${issue.code}:${issue.value ?? ''}`}
              size="small"
              pagination={false}
              dataSource={preview.issues}
              data-testid="import-issues"
              columns={[
                { title: t('import.column.row'), dataIndex: 'row', width: 72, align: 'right', render: (row: number | null) => row ?? '—' },
                { title: t('import.column.column'), dataIndex: 'column', width: 160, render: (column: string | null) => column ?? '—' },
                {
                  title: t('import.column.value'),
                  dataIndex: 'value',
                  width: 180,
                  render: (value: string | null) => (value === null ? '—' : <Typography.Text code>{value === '' ? ' ' : value}</Typography.Text>),
                },
                { title: t('import.column.message'), dataIndex: 'message' },
              ]}
            />
          )}
        </Card>
      )}

      <Card title={t('import.loads')}>
        {loads.error === undefined ? null : <LoadError error={loads.error} onRetry={loads.reload} />}
        <Table<DataLoad>
          rowKey="loadId"
          size="small"
          loading={loads.loading}
          pagination={false}
          dataSource={loads.data?.loads ?? []}
          locale={{ emptyText: t('import.empty') }}
          data-testid="import-loads"
          columns={[
            { title: t('import.loads.id'), dataIndex: 'loadId', width: 72, align: 'right' },
            { title: t('import.loads.kind'), dataIndex: 'kind', width: 140, render: kindName },
            { title: t('import.loads.source'), dataIndex: 'source', ellipsis: true },
            { title: t('import.loads.rows'), dataIndex: 'rows', width: 120, align: 'right', render: (rows: number) => formatCount(rows, locale) },
            { title: t('import.loads.at'), dataIndex: 'loadedAt', width: 180, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
          ]}
        />
      </Card>
    </>
  );
}
