import { Link } from 'react-router';

/** One headline number in a <dl>, linking to the page that explains it. */
export function HeadlineFigure({ value, label, to, note }: { value: string; label: string; to: string; note?: string }) {
  return (
    <div className="headline-figure">
      <dt>{label}</dt>
      <dd>
        <Link to={to} className="headline-figure__value">
          {value}
        </Link>
        {note ? <span className="headline-figure__note">{note}</span> : null}
      </dd>
    </div>
  );
}
