import { useEffect, useRef } from 'react';
import { BarChart, FunnelChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption, RadarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import { FONT_FAMILY } from '../theme.js';

// Only the chart kinds the pages draw, so the bundle carries no more of ECharts than that.
echarts.use([BarChart, ScatterChart, FunnelChart, LineChart, RadarChart, GridComponent, RadarComponent, TooltipComponent, LegendComponent, MarkLineComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | ScatterSeriesOption
  | FunnelSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | RadarComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
>;

/**
 * One ECharts chart that follows its container's width. The option is
 * replaced whole on change (`notMerge`), so series that went away do not
 * linger; animations are off, so screenshots and tests see the final picture.
 */
export function EChart({ option, height, testId }: { readonly option: ChartOption; readonly height: number; readonly testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    const host = element.current;
    if (host === null) return undefined;
    const instance = echarts.init(host, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option }, { notMerge: true });
  }, [option]);

  return <div ref={element} style={{ width: '100%', height }} data-testid={testId} />;
}
