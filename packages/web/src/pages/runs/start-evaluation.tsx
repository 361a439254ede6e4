import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Progress, Select, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { evaluationRoutes, schemeRoutes, type EvaluationJob, type StartEvaluationRequest } from '@retail-value/core';
import { ApiError } from '../../api/api-error.js';
import { useSession } from '../../auth/session-context.js';
import { formatCount } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';
import { stepLabel } from './run-steps.js';
import { ProblemsAlert } from '../../api/problems-alert.js';

interface StartForm {
  readonly period: string;
  readonly asOf?: Dayjs | null;
  readonly windowWeeks?: number | null;
  readonly scheme?: string;
}

const POLL_MS = 500;

/** The period of the quarter that ended last: evaluations usually look back at a closed quarter. */
function lastQuarter(today: Date): string {
  const quarter = Math.floor(today.getMonth() / 3);
  return quarter === 0 ? `${today.getFullYear() - 1}Q4` : `${today.getFullYear()}Q${quarter}`;
}

/**
 * 开始评价: the form, then the running job's progress (polled), then how it
 * ended. A job already running when the page opens (started elsewhere, or
 * before a reload) is picked up and followed.
 */
export function StartEvaluation({ onFinished }: { readonly onFinished: (runId: string) => void }) {
  const { t } = useI18n();
  const { named } = useCoreText();
  const { api } = useSession();
  const [form] = Form.useForm<StartForm>();
  const [job, setJob] = useState<EvaluationJob | undefined>(undefined);
  const [problems, setProblems] = useState<string[]>([]);
  const [starting, setStarting] = useState(false);
  const [schemes, setSchemes] = useState<{ value: string; label: string }[]>([]);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const follow = useCallback(
    (jobId: string) => {
      let stopped = false;
      const tick = async (): Promise<void> => {
        if (stopped) return;
        try {
          const found = await api(evaluationRoutes.get, { params: { jobId } });
          if (stopped) return;
          setJob(found);
          if (found.status === 'running') setTimeout(() => void tick(), POLL_MS);
          else if (found.runId !== null) finished.current(found.runId);
        } catch (error) {
          if (!stopped) setProblems(error instanceof ApiError ? error.details : [String(error)]);
        }
      };
      void tick();
      return () => {
        stopped = true;
      };
    },
    [api],
  );

  const [followed, setFollowed] = useState<string | undefined>(undefined);
  useEffect(() => (followed === undefined ? undefined : follow(followed)), [followed, follow]);

  useEffect(() => {
    let current = true;
    api(evaluationRoutes.list).then(
      ({ jobs }) => {
        const running = jobs.find((found) => found.status === 'running');
        if (current && running !== undefined) setFollowed(running.jobId);
      },
      () => undefined,
    );
    api(schemeRoutes.list).then(
      ({ stored, presets }) => {
        if (!current) return;
        const latest = new Map<string, (typeof stored)[number]>();
        for (const scheme of stored) latest.set(scheme.schemeId, scheme);
        const options = [...latest.values()].map((scheme) => ({
          value: scheme.schemeId,
          label: t('runs.start.scheme_stored', { name: named(scheme.name, scheme.schemeId), version: scheme.version }),
        }));
        for (const preset of presets) {
          if (!latest.has(preset.schemeId)) options.push({ value: preset.schemeId, label: t('runs.start.scheme_preset', { name: named(preset.name, preset.schemeId) }) });
        }
        setSchemes(options);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api, t, named]);

  const submit = async (values: StartForm) => {
    setStarting(true);
    setProblems([]);
    const body: StartEvaluationRequest = {
      period: values.period.trim().toUpperCase(),
      ...(values.asOf ? { asOf: values.asOf.format('YYYY-MM-DD') } : {}),
      ...(values.windowWeeks ? { windowWeeks: values.windowWeeks } : {}),
      ...(values.scheme ? { schemeId: values.scheme } : {}),
    };
    try {
      const { jobId } = await api(evaluationRoutes.start, { body });
      setJob(undefined);
      setFollowed(jobId);
    } catch (error) {
      setProblems(error instanceof ApiError ? error.details : [String(error)]);
    } finally {
      setStarting(false);
    }
  };

  const running = job?.status === 'running';
  return (
    <Card title={t('runs.start.title')} size="small" data-testid="start-evaluation">
      <Form<StartForm> form={form} layout="inline" colon={false} initialValues={{ period: lastQuarter(new Date()) }} onFinish={(values) => void submit(values)} style={{ rowGap: 12 }}>
        <Form.Item name="period" label={t('runs.start.period')} rules={[{ required: true, whitespace: true, message: t('runs.start.period_required') }]} tooltip={t('runs.start.period_hint')}>
          <Input style={{ width: 120 }} placeholder="2026Q3" />
        </Form.Item>
        <Form.Item name="asOf" label={t('runs.start.as_of')} tooltip={t('runs.start.as_of_hint')}>
          <DatePicker style={{ width: 150 }} placeholder={t('runs.start.as_of_placeholder')} />
        </Form.Item>
        <Form.Item name="windowWeeks" label={t('runs.start.window_weeks')} tooltip={t('runs.start.window_hint')}>
          <InputNumber min={4} max={53} precision={0} style={{ width: 110 }} placeholder={t('runs.start.window_placeholder')} />
        </Form.Item>
        <Form.Item name="scheme" label={t('runs.start.scheme')}>
          <Select style={{ width: 260 }} allowClear placeholder={t('runs.start.scheme_default')} options={schemes} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlayCircleOutlined />} loading={starting} disabled={running} data-testid="start-evaluation-submit">
            {t('runs.start.submit')}
          </Button>
        </Form.Item>
      </Form>
      <ProblemsAlert problems={problems} style={{ marginTop: 16 }} testId="start-evaluation-error" />
      {job === undefined ? null : <JobProgress job={job} />}
    </Card>
  );
}

function JobProgress({ job }: { readonly job: EvaluationJob }) {
  const { t, locale } = useI18n();
  const percent = Math.round(job.progress * 100);
  return (
    <div style={{ marginTop: 16 }} data-testid="evaluation-progress" data-status={job.status}>
      <Flex justify="space-between" align="baseline">
        <Typography.Text>{t('runs.progress.title', { period: job.period })}</Typography.Text>
        <Typography.Text type="secondary">{job.status === 'done' ? t('runs.progress.all_done') : job.step === null ? t('runs.progress.waiting') : t('runs.progress.step', { step: stepLabel(job.step, t) })}</Typography.Text>
      </Flex>
      <Progress percent={percent} status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'} />
      {job.status === 'done' ? (
        <Alert
          type="success"
          showIcon
          title={t('runs.progress.done', { runId: job.runId ?? '', customers: formatCount(job.customers ?? 0, locale), seconds: (job.seconds ?? 0).toFixed(1) })}
          data-testid="evaluation-done"
        />
      ) : null}
      {job.status === 'failed' && job.error !== null ? (
        <Alert
          type="error"
          showIcon
          title={job.error.message}
          description={job.error.issues.length === 0 ? undefined : job.error.issues.map((found) => <div key={found.message}>{found.message}</div>)}
          data-testid="evaluation-failed"
        />
      ) : null}
    </div>
  );
}
