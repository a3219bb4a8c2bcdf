/**
 * An API token reads `cpt_<id>_<secret>`: the id finds the row, the secret is compared with its
 * stored digest. The prefix lets secret scanners and people recognise a Compact token.
 */
export const TOKEN_PREFIX = 'cpt_';

export function formatToken(id: string, secret: string): string {
  return `${TOKEN_PREFIX}${id}_${secret}`;
}

export function parseToken(token: string): { id: string; secret: string } | undefined {
  const match = /^cpt_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}
