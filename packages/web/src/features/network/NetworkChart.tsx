import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerChartParts, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { ExportButtons } from '../../components/ExportButtons.js';
import { dataUrlToBlob, svgToPng } from '../../components/chartExport.js';
import { NODE_KINDS, type NetworkLink, type NetworkNode, type NodeKind } from './graph.js';

// The SVG renderer: the chart exports as SVG as it is, and as PNG through a canvas.
registerChartParts([GraphChart, LegendComponent, TooltipComponent, SVGRenderer]);

const COLOURS: Record<NodeKind, string> = {
  partner: '#2f6db5',
  agreement: '#7a8794',
  coalition: '#2e7d4f',
  area: '#a0522d',
};
const CRITICAL = '#b42318';

export interface NetworkLabels {
  kind: (kind: NodeKind) => string;
  node: (node: NetworkNode) => string;
  link: (link: NetworkLink) => string;
  title: string;
  summary: string;
}

/** A force-directed graph of the network; single points of failure drawn thick and red. */
export function NetworkChart({
  nodes,
  links,
  labels,
  linkOf,
}: {
  nodes: NetworkNode[];
  links: NetworkLink[];
  labels: NetworkLabels;
  /** Where a node leads when clicked, if anywhere. */
  linkOf: (node: NetworkNode) => string | null;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const navigate = useNavigate();

  useEffect(() => {
    if (!element.current) return;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const byId = new Map(nodes.map((node) => [node.id, node]));
    instance.setOption({
      tooltip: {
        formatter: (params: { dataType?: string; data?: { tip?: string } }) => params.data?.tip ?? '',
      },
      legend: [{ data: NODE_KINDS.map((kind) => labels.kind(kind)), top: 4 }],
      series: [
        {
          type: 'graph',
          layout: 'force',
          roam: true,
          draggable: true,
          top: 40,
          categories: NODE_KINDS.map((kind) => ({ name: labels.kind(kind), itemStyle: { color: COLOURS[kind] } })),
          data: nodes.map((node) => ({
            id: node.id,
            name: labels.node(node),
            tip: `${labels.kind(node.kind)}: ${labels.node(node)}`,
            category: NODE_KINDS.indexOf(node.kind),
            symbolSize: 8 + Math.sqrt(node.degree) * 4,
            symbol: node.kind === 'area' ? 'diamond' : node.kind === 'coalition' ? 'roundRect' : 'circle',
            itemStyle: node.critical ? { borderColor: CRITICAL, borderWidth: 3 } : undefined,
            label: { show: node.kind !== 'agreement' },
          })),
          links: links.map((link) => ({
            source: link.source,
            target: link.target,
            tip: labels.link(link),
            lineStyle: {
              color: link.critical ? CRITICAL : '#9aa5b1',
              width: link.critical ? 4 : link.relation === 'guarantees' ? 2 : 1,
              type: link.relation === 'member' ? 'dashed' : 'solid',
              opacity: link.critical ? 1 : 0.6,
            },
          })),
          force: { repulsion: 140, edgeLength: [30, 110], gravity: 0.12, layoutAnimation: true },
          label: { position: 'right', fontSize: 11, color: '#1d2733' },
          emphasis: { focus: 'adjacency' },
        },
      ],
    });
    instance.on('click', (params) => {
      if (params.dataType !== 'node') return;
      const id = (params.data as { id?: string } | undefined)?.id;
      const node = id ? byId.get(id) : undefined;
      const to = node ? linkOf(node) : null;
      if (to) void navigate(to);
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, [nodes, links, labels, linkOf, navigate]);

  return (
    <figure className="network-chart">
      <div className="network-chart__canvas" ref={element} role="img" aria-label={`${labels.title}. ${labels.summary}`} />
      <ExportButtons
        filename={labels.title}
        svg={() => chart.current?.renderToSVGString() ?? ''}
        png={async () => {
          const instance = chart.current;
          if (!instance) throw new Error('no chart');
          const svg = instance.renderToSVGString();
          return svg
            ? svgToPng(svg, instance.getWidth(), instance.getHeight())
            : dataUrlToBlob(instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }));
        }}
      />
    </figure>
  );
}
