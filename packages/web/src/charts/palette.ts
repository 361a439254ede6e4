import type { LifecycleStage, ValueCell } from '@retail-value/core';

/** One colour per value-matrix cell, the same on every chart and tag. */
export const CELL_COLORS: Readonly<Record<ValueCell, string>> = {
  value: '#1f5fa8',
  sub_value: '#5b9bd5',
  potential_value: '#e6a23c',
  low_value: '#a3abb8',
};

/** Service classes in the scheme's order, best first. */
export const CLASS_COLORS: readonly string[] = ['#0f7b6c', '#36a89a', '#8fd0c6', '#c3e6e0', '#dfe9e7', '#e9eeee', '#eef1f1', '#f3f5f5'];

export const STAGE_COLORS: Readonly<Record<LifecycleStage, string>> = {
  introduction: '#7cb5ec',
  growth: '#3f8fd8',
  maturity: '#1f5fa8',
  decline: '#e6a23c',
  termination: '#c45656',
};

export const RISK_COLORS = { high: '#c45656', medium: '#e6a23c', low: '#7fb77e' } as const;
