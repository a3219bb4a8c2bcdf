import { useTranslation } from 'react-i18next';
import type { ProposalEvidence } from '../../api/types.js';
import { useClauses } from '../agreements/queries.js';
import { locateSpans, toSegments, type Segment } from './highlight.js';

export function Highlighted({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.mark ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}

/** Each clause the evidence comes from, with the words read from it marked. */
export function EvidenceText({
  agreementId,
  evidence,
}: {
  agreementId: string;
  evidence: readonly ProposalEvidence[];
}) {
  const { t } = useTranslation();
  const clauses = useClauses(agreementId);
  const byRef = new Map<string, ProposalEvidence[]>();
  for (const item of evidence) byRef.set(item.clauseRef, [...(byRef.get(item.clauseRef) ?? []), item]);
  if (byRef.size === 0) return null;
  return (
    <div className="evidence">
      {[...byRef].map(([ref, items]) => {
        const clause = clauses.data?.items.find((candidate) => candidate.ref === ref);
        const spans = clause ? locateSpans(clause.text, items) : [];
        return (
          <blockquote key={ref} className="evidence-clause" data-ref={ref}>
            <p className="evidence-ref">{t('review.clause', { ref })}</p>
            {clause && spans.length > 0 ? (
              <p className="evidence-text">
                <Highlighted segments={toSegments(clause.text, spans)} />
              </p>
            ) : (
              <>
                {clauses.isPending ? null : <p className="muted">{t('review.evidenceMissing')}</p>}
                <p className="evidence-text">
                  {items.map((item, index) => (
                    <span key={index}>
                      {index > 0 ? ' … ' : ''}
                      <mark>{item.text}</mark>
                    </span>
                  ))}
                </p>
              </>
            )}
          </blockquote>
        );
      })}
    </div>
  );
}
