import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/useFormatters.js';
import { fractionOfMonth, monthOf, monthsBetween, TIMELINE_START, type TimelineDay } from './timeline.js';

const COLUMN = 36;
const DOT = 8;
const STEP = 15;
const LEFT = 16;
const RIGHT = 16;
/** Room a marker's label needs to the right of its line before it is better placed on the left. */
const LABEL_ROOM = 260;
const TOP = 46;
const AXIS = 34;

interface Props {
  days: readonly TimelineDay[];
  nameOf: (signature: TimelineDay['signatures'][number]) => string;
}

/** A dot per signature stacked by month, with the marked dates drawn as lines: an overview, not the record. */
export function TimelineChart({ days, nameOf }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const descId = useId();
  const last = days.at(-1)?.date ?? TIMELINE_START;
  const months = monthsBetween(TIMELINE_START, last);
  const column = new Map(months.map((month, index) => [month, index]));
  const perMonth = new Map<string, number>();
  for (const day of days)
    perMonth.set(monthOf(day.date), (perMonth.get(monthOf(day.date)) ?? 0) + day.signatures.length);
  const tallest = Math.max(1, ...perMonth.values());
  const width = LEFT + months.length * COLUMN + RIGHT;
  const baseline = TOP + tallest * STEP + 4;
  const height = baseline + AXIS;
  const x = (date: string) => LEFT + (column.get(monthOf(date)) ?? 0) * COLUMN;
  const monthLabel = new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' });

  const stacked = new Map<string, number>();
  const dots = days.flatMap((day) =>
    day.signatures.map((signature) => {
      const month = monthOf(day.date);
      const index = stacked.get(month) ?? 0;
      stacked.set(month, index + 1);
      return { signature, date: day.date, cx: x(day.date) + COLUMN / 2, cy: baseline - (index + 0.5) * STEP };
    }),
  );
  const markers = days.flatMap((day) => day.markers.map((key) => ({ key, date: day.date })));

  return (
    <figure className="timeline-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{t('timeline.overview')}</title>
        <desc id={descId}>{t('timeline.overviewDescription')}</desc>
        <line className="axis" x1={LEFT} x2={width - RIGHT} y1={baseline} y2={baseline} />
        {months.map((month, index) => {
          const isJanuary = month.endsWith('-01');
          const showMonth = index === 0 || ['01', '04', '07', '10'].includes(month.slice(5));
          const left = LEFT + index * COLUMN;
          return (
            <g key={month}>
              <line
                className={isJanuary ? 'tick tick--year' : 'tick'}
                x1={left}
                x2={left}
                y1={baseline}
                y2={baseline + (isJanuary ? 8 : 4)}
              />
              {showMonth ? (
                <text className="tick-label" x={left + 2} y={baseline + 16}>
                  {monthLabel.format(new Date(`${month}-01T00:00:00Z`))}
                </text>
              ) : null}
              {isJanuary || index === 0 ? (
                <text className="tick-label tick-label--year" x={left + 2} y={baseline + 29}>
                  {month.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
        {markers.map((marker, index) => {
          // Markers are drawn before the dots, so a dot on a marked day stays visible.
          const mx = x(marker.date) + fractionOfMonth(marker.date) * COLUMN;
          const leftward = mx + LABEL_ROOM > width;
          return (
            <g key={marker.key} className={`marker marker--${marker.key}`}>
              <line x1={mx} x2={mx} y1={10 + index * 15} y2={baseline} />
              <text
                x={leftward ? mx - 5 : mx + 5}
                y={20 + index * 15}
                textAnchor={leftward ? 'end' : 'start'}
              >
                {t(`timeline.${marker.key}`)} · {format.date(marker.date)}
              </text>
            </g>
          );
        })}
        {dots.map(({ signature, date, cx, cy }) => (
          <circle
            key={`${signature.id}-${date}`}
            className={`dot dot--${signature.kind}`}
            cx={cx}
            cy={cy}
            r={DOT / 2 + 1}
          >
            <title>{`${nameOf(signature)} · ${format.date(date)}`}</title>
          </circle>
        ))}
      </svg>
    </figure>
  );
}
