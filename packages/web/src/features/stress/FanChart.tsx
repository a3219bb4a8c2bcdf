import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type ECharts } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { ExportButtons } from '../../components/ExportButtons.js';
import { dataUrlToBlob } from '../../components/chartExport.js';
import type { FanSeries } from './scenario.js';

// Only the parts the fan chart needs, so the page's chunk stays small.
registerChartParts([LineChart, GridComponent, TooltipComponent, CanvasRenderer, SVGRenderer]);

const PERCENT = (value: number) => Math.round(value * 1000) / 10;

export interface FanLabels {
  readonly band90: string;
  readonly band50: string;
  readonly median: string;
  readonly mean: string;
  readonly threshold: string;
}

/** Coverage of one capability area by year: 5–95 % and 25–75 % bands, median, mean and the threshold. */
export function FanChart({
  fan,
  threshold,
  labels,
  title,
}: {
  fan: FanSeries;
  threshold: number;
  labels: FanLabels;
  title: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const live = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current, undefined, { renderer: 'canvas' });
    live.current = chart;
    const years = fan.years.map(String);
    const at = (q: number) => fan.fans.map((f) => PERCENT(f[q] ?? 0));
    const [p5 = [], , p25 = [], p50 = [], p75 = [], , p95 = []] = [0, 1, 2, 3, 4, 5, 6].map(at);
    const invisible = { lineStyle: { opacity: 0 }, symbol: 'none' as const, silent: true };
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 12, top: 12, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: years, boundaryGap: false },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value} %' } },
      series: [
        { name: 'p5', type: 'line', stack: 'outer', data: p5, ...invisible, tooltip: { show: false } },
        {
          name: labels.band90,
          type: 'line',
          stack: 'outer',
          data: p95.map((v, i) => v - (p5[i] ?? 0)),
          ...invisible,
          areaStyle: { color: '#1f5fa8', opacity: 0.18 },
        },
        { name: 'p25', type: 'line', stack: 'inner', data: p25, ...invisible, tooltip: { show: false } },
        {
          name: labels.band50,
          type: 'line',
          stack: 'inner',
          data: p75.map((v, i) => v - (p25[i] ?? 0)),
          ...invisible,
          areaStyle: { color: '#1f5fa8', opacity: 0.32 },
        },
        {
          name: labels.median,
          type: 'line',
          data: p50,
          symbol: 'circle',
          lineStyle: { color: '#1f5fa8', width: 2 },
          itemStyle: { color: '#1f5fa8' },
        },
        {
          name: labels.mean,
          type: 'line',
          data: fan.means.map(PERCENT),
          symbol: 'none',
          lineStyle: { color: '#a0522d', type: 'dashed' },
        },
        {
          name: labels.threshold,
          type: 'line',
          data: years.map(() => PERCENT(threshold)),
          symbol: 'none',
          lineStyle: { color: '#b42318', width: 1 },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
      live.current = null;
    };
  }, [fan, threshold, labels]);
  return (
    <div className="fan-chart-frame">
      <div className="fan-chart" ref={element} role="img" aria-label={title} />
      <ExportButtons
        filename={title}
        png={() => {
          if (!live.current) throw new Error('no chart');
          return dataUrlToBlob(live.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
        }}
        svg={() => {
          // The same option drawn once more by the SVG renderer, off screen, for a vector file.
          const chart = live.current;
          if (!chart) throw new Error('no chart');
          const copy = init(null, undefined, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
          try {
            copy.setOption({ ...chart.getOption(), animation: false });
            return copy.renderToSVGString();
          } finally {
            copy.dispose();
          }
        }}
      />
    </div>
  );
}
