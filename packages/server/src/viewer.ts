import { ROLES, type Role, type Viewer } from '@compact/core';
import { CompactError } from '@compact/core';

export type { ViewerPolicy } from './auth/authenticate.js';

/** The trusted viewer header: `role` or `role:partner` (or `coalition-lead:a,b`). */
export const VIEWER_HEADER = 'x-compact-viewer';

export function parseViewerHeader(header: string): Viewer {
  const [role, scope] = header.split(':', 2).map((part) => part.trim());
  if (!ROLES.includes(role as Role)) {
    throw new CompactError('BAD_REQUEST', `unknown role "${role}" in ${VIEWER_HEADER}; use one of ${ROLES.join(', ')}`);
  }
  if (role === 'partner-officer' && !scope) {
    throw new CompactError('BAD_REQUEST', `a partner officer needs a partner: "${VIEWER_HEADER}: partner-officer:GB"`);
  }
  return {
    role: role as Role,
    partner: role === 'partner-officer' ? scope : undefined,
    coalitions: role === 'coalition-lead' && scope ? scope.split(',') : undefined,
    actor: `header:${header}`,
  };
}
