import { ROLES, type Role, type Viewer } from '@compact/core';
import type { Context } from 'hono';
import { CompactError } from '@compact/core';

/**
 * How a request becomes a viewer until accounts exist. `anonymousRole` is what an unidentified
 * request gets; `trustViewerHeader` lets tests and a fronting proxy name the viewer in the
 * `X-Compact-Viewer` header (`role` or `role:partner`). Never enable it on an open network.
 */
export interface ViewerPolicy {
  readonly anonymousRole: Role;
  readonly trustViewerHeader: boolean;
}

export const VIEWER_HEADER = 'x-compact-viewer';

export function resolveViewer(c: Pick<Context, 'req'>, policy: ViewerPolicy): Viewer {
  const header = c.req.header(VIEWER_HEADER);
  if (header !== undefined && policy.trustViewerHeader) return parseViewerHeader(header);
  return { role: policy.anonymousRole, actor: 'anonymous' };
}

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
