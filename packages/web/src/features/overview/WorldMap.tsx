import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  geoAzimuthalEqualArea,
  geoConicEqualArea,
  geoMercator,
  geoPath,
  type GeoPermissibleObjects,
  type GeoProjection,
} from 'd3-geo';
import { ExportButtons } from '../../components/ExportButtons.js';
import { serializeSvg, svgToPng } from '../../components/chartExport.js';
import { loadCountries, type CountryShape } from './atlas.js';
import type { MapStatus, PartnerStatus } from './partnerStatus.js';

export const STATUS_FILL: Record<MapStatus, string> = {
  none: '#d4d4d0',
  declaration: '#bcd3ea',
  talks: '#f2b84b',
  signed: '#2f6db5',
  binding: '#0b2a55',
};
const BENEFICIARY_FILL = '#ffd500';
const OTHER_FILL = '#f4f3ef';
const WIDTH = 1000;
const HEIGHT = 600;

interface Panel {
  id: string;
  /** Left, top, right, bottom in the SVG's units. */
  box: [number, number, number, number];
  projection: GeoProjection;
  /** Longitude/latitude corners the panel must show. */
  extent: [[number, number], [number, number]];
}

function corners([[west, south], [east, north]]: Panel['extent']): GeoPermissibleObjects {
  const middle = (west + east) / 2;
  const centre = (south + north) / 2;
  return {
    type: 'MultiPoint',
    coordinates: [
      [west, south],
      [east, south],
      [west, north],
      [east, north],
      [middle, south],
      [middle, north],
      [west, centre],
      [east, centre],
    ],
  };
}

/**
 * Europe in an equal-area azimuthal projection centred on it, with North America and Japan as
 * insets: the partners sit in three places far apart, and one world projection would leave Europe
 * a thumbnail. Each projection clips to its own panel; d3-geo cuts polygons at the antimeridian,
 * so Russia and Fiji draw no streaks.
 */
function panels(): Panel[] {
  const list: Panel[] = [
    {
      id: 'europe',
      box: [0, 0, 690, HEIGHT],
      projection: geoAzimuthalEqualArea().rotate([-12, -52]),
      extent: [
        [-24, 35],
        [42, 70],
      ],
    },
    {
      id: 'north-america',
      box: [700, 0, WIDTH, 300],
      projection: geoConicEqualArea().parallels([35, 60]).rotate([96, 0]),
      extent: [
        [-135, 25],
        [-55, 68],
      ],
    },
    {
      id: 'japan',
      box: [700, 310, WIDTH, 500],
      projection: geoMercator(),
      extent: [
        [128, 30],
        [146, 46],
      ],
    },
  ];
  for (const panel of list) {
    const [left, top, right, bottom] = panel.box;
    panel.projection
      .fitExtent(
        [
          [left + 6, top + 22],
          [right - 6, bottom - 6],
        ],
        corners(panel.extent),
      )
      .clipExtent([
        [left, top],
        [right, bottom],
      ]);
  }
  return list;
}

interface DrawnPanel {
  id: string;
  box: Panel['box'];
  shapes: Array<{ key: string; name: string; code: string | null; d: string }>;
}

/** Longitude/latitude box of a geometry, from its raw coordinates: cheap, and enough to skip far countries. */
function roughBounds(geometry: CountryShape['geometry']): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [x, y] = value as [number, number];
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
      return;
    }
    for (const item of value) walk(item);
  };
  if ('coordinates' in geometry) walk(geometry.coordinates);
  return [west, south, east, north];
}

const MARGIN_DEGREES = 20;

function near(bounds: [number, number, number, number], extent: Panel['extent']): boolean {
  const [[west, south], [east, north]] = extent;
  return (
    bounds[0] <= east + MARGIN_DEGREES &&
    bounds[2] >= west - MARGIN_DEGREES &&
    bounds[1] <= north + MARGIN_DEGREES &&
    bounds[3] >= south - MARGIN_DEGREES
  );
}

function draw(countries: CountryShape[]): DrawnPanel[] {
  const bounds = new Map(countries.map((country) => [country.key, roughBounds(country.geometry)]));
  return panels().map((panel) => {
    // Coarser resampling than d3's default: at this scale the difference is invisible, the time is not.
    const path = geoPath(panel.projection.precision(1.5));
    const shapes = countries
      .filter((country) => near(bounds.get(country.key) ?? [-180, -90, 180, 90], panel.extent))
      .map((country) => ({ key: country.key, name: country.name, code: country.code, d: path(country.geometry) ?? '' }))
      .filter((shape) => shape.d !== '');
    return { id: panel.id, box: panel.box, shapes };
  });
}

export function WorldMap({
  statuses,
  nameOf,
  statusLabel,
  dateLabel,
  description,
  onReady,
}: {
  statuses: ReadonlyMap<string, PartnerStatus>;
  nameOf: (code: string) => string;
  statusLabel: (status: MapStatus) => string;
  dateLabel: string;
  description: string;
  /** Called once the countries are drawn. */
  onReady?: () => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const svg = useRef<SVGSVGElement>(null);
  const [drawn, setDrawn] = useState<DrawnPanel[] | null>(null);
  const [failed, setFailed] = useState(false);
  const ready = useRef(onReady);
  ready.current = onReady;

  useEffect(() => {
    let live = true;
    loadCountries()
      .then((countries) => {
        if (live) setDrawn(draw(countries));
      })
      .catch(() => {
        if (live) setFailed(true);
      })
      .finally(() => {
        if (live) ready.current?.();
      });
    return () => {
      live = false;
    };
  }, []);

  const title = t('overview.mapTitle', { date: dateLabel });
  const panelLabels: Record<string, string> = useMemo(
    () => ({ europe: t('overview.panelEurope'), 'north-america': t('overview.panelNorthAmerica'), japan: t('overview.panelJapan') }),
    [t],
  );

  if (failed) return <p className="error">{t('overview.mapFailed')}</p>;

  return (
    <figure className="world-map">
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="world-map__svg"
        data-ready={drawn ? 'true' : 'false'}
        fontFamily="system-ui, sans-serif"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#eaf1f7" />
        {(drawn ?? []).map((panel) => {
          const [left, top, right, bottom] = panel.box;
          return (
            <g key={panel.id} data-panel={panel.id}>
              <rect x={left} y={top} width={right - left} height={bottom - top} fill="#eaf1f7" stroke="#8a9aa9" />
              {panel.shapes.map((shape) => {
                const partner = shape.code ? statuses.get(shape.code) : undefined;
                const beneficiary = shape.code === 'UA';
                const fill = beneficiary ? BENEFICIARY_FILL : partner ? STATUS_FILL[partner.status] : OTHER_FILL;
                const label = beneficiary
                  ? `${nameOf('UA')}: ${t('overview.beneficiary')}`
                  : partner && shape.code
                    ? `${nameOf(shape.code)}: ${statusLabel(partner.status)}`
                    : shape.name;
                return (
                  <path
                    key={shape.key}
                    d={shape.d}
                    fill={fill}
                    stroke={partner || beneficiary ? '#1d2733' : '#b9b9b4'}
                    strokeWidth={partner || beneficiary ? 0.6 : 0.4}
                    data-code={partner || beneficiary ? shape.code : undefined}
                    data-status={beneficiary ? 'beneficiary' : partner?.status}
                  >
                    <title>{label}</title>
                  </path>
                );
              })}
              {panel.id !== 'europe' ? (
                <text x={left + 8} y={top + 16} fontSize={13} fill="#1d2733">
                  {panelLabels[panel.id]}
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={12} y={HEIGHT - 12} fontSize={14} fill="#1d2733">
          {title}
        </text>
      </svg>
      <ExportButtons
        filename={title}
        svg={() => (svg.current ? serializeSvg(svg.current) : '')}
        png={() => {
          if (!svg.current) throw new Error('no map');
          return svgToPng(serializeSvg(svg.current), WIDTH, HEIGHT);
        }}
      />
    </figure>
  );
}
