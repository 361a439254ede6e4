import { useCallback, useMemo } from 'react';
import type { Scheme } from '@retail-value/core';
import { formatFixed } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { LevelKey } from './scheme-edit.js';
import { useSchemeNames, useSegmentName } from './scheme-names.js';

export interface LevelNames {
  /** "当前价值的各维度": what a level weighs. */
  readonly title: (level: LevelKey) => string;
  /** "城镇 · 当前价值的各维度：CR = 0.2134": where a problem is, for messages. */
  readonly problem: (level: LevelKey, segment: string, cr: number | undefined) => string;
}

export function useLevelNames(scheme: Scheme | undefined): LevelNames {
  const { t } = useI18n();
  const name = useSchemeNames(scheme);
  const segmentName = useSegmentName();
  const title = useCallback(
    (level: LevelKey) =>
      level.kind === 'sides'
        ? t('schemes.level.sides')
        : level.kind === 'side'
          ? t('schemes.level.side', { side: name(level.side) })
          : t('schemes.level.dimension', { dimension: name(level.dimension) }),
    [t, name],
  );
  const problem = useCallback(
    (level: LevelKey, segment: string, cr: number | undefined) => {
      const where = `${segmentName(segment)} · ${title(level)}`;
      return cr === undefined ? t('schemes.level.unreadable', { level: where }) : t('schemes.level.with_cr', { level: where, cr: formatFixed(cr, 4) });
    },
    [t, title, segmentName],
  );
  return useMemo(() => ({ title, problem }), [title, problem]);
}
