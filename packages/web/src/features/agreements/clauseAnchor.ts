/** The element id of a clause on its agreement's page, for links from findings ("II.6" → "clause-II.6"). */
export function clauseAnchor(ref: string): string {
  return `clause-${ref.trim().replace(/\s+/g, '_')}`;
}
