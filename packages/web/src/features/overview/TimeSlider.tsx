import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../format/useFormatters.js';
import { addDays, dayIndex, SEED_ARTICLE_DATE, SLIDER_START, UKRAINE_COMPACT_DATE } from './partnerStatus.js';

const PLAY_STEP_DAYS = 14;
const PLAY_INTERVAL_MS = 350;

/**
 * A day between the G7 declaration and today: arrow keys move a day, Page Up/Down a tenth, Home
 * and End to the ends; the two marked days are buttons, and "Play" replays the network.
 */
export function TimeSlider({
  value,
  today,
  onChange,
}: {
  value: string;
  today: string;
  onChange: (date: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const total = Math.max(1, dayIndex(SLIDER_START, today));
  const [playing, setPlaying] = useState(false);
  const current = useRef(value);
  current.current = value;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const next = addDays(current.current, PLAY_STEP_DAYS);
      if (next >= today) {
        onChange(today);
        setPlaying(false);
      } else onChange(next);
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, today, onChange]);

  const marks = [
    { date: SLIDER_START, label: t('overview.markG7') },
    { date: SEED_ARTICLE_DATE, label: t('overview.markSeed') },
    { date: UKRAINE_COMPACT_DATE, label: t('overview.markCompact') },
  ].filter((mark) => mark.date <= today);

  return (
    <div className="time-slider">
      <div className="time-slider__row">
        <label htmlFor={id} className="time-slider__label">
          {t('overview.sliderLabel')}: <strong className="time-slider__date">{format.date(value)}</strong>
        </label>
        <button
          type="button"
          className="button-small"
          aria-pressed={playing}
          onClick={() => {
            if (!playing && value >= today) onChange(SLIDER_START);
            setPlaying(!playing);
          }}
        >
          {playing ? t('overview.pause') : t('overview.play')}
        </button>
      </div>
      <input
        id={id}
        className="time-slider__input"
        type="range"
        min={0}
        max={total}
        step={1}
        value={Math.min(total, Math.max(0, dayIndex(SLIDER_START, value)))}
        aria-valuetext={format.date(value)}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          setPlaying(false);
          onChange(addDays(SLIDER_START, Number(event.target.value)));
        }}
      />
      <div className="time-slider__ticks" aria-hidden="true">
        {marks.map((mark, index) => (
          <span
            key={mark.date}
            className="time-slider__tick"
            ref={(node) => {
              // Positioned through the CSSOM: the content security policy refuses style attributes.
              if (node) node.style.left = `${(dayIndex(SLIDER_START, mark.date) / total) * 100}%`;
            }}
          >
            {index + 1}
          </span>
        ))}
      </div>
      <div className="time-slider__marks" role="group" aria-label={t('overview.marksLabel')}>
        {marks.map((mark, index) => (
          <button
            key={mark.date}
            type="button"
            className="time-slider__mark"
            data-date={mark.date}
            aria-pressed={value === mark.date}
            onClick={() => {
              setPlaying(false);
              onChange(mark.date);
            }}
          >
            <span className="time-slider__num" aria-hidden="true">
              {index + 1}
            </span>{' '}
            {mark.label} · {format.date(mark.date)}
          </button>
        ))}
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('overview.sliderHint')}
      </p>
    </div>
  );
}
