import { describe, expect, it } from 'vitest';
import type { Classification } from '../schema/common.js';
import { canSee, canWrite, type Viewer } from './viewer.js';

const viewers: Record<string, Viewer> = {
  public: { role: 'public' },
  analyst: { role: 'analyst' },
  gbOfficer: { role: 'partner-officer', partner: 'GB' },
  frOfficer: { role: 'partner-officer', partner: 'FR' },
  lead: { role: 'coalition-lead', coalitions: ['drone'] },
  coordinator: { role: 'coordinator' },
  administrator: { role: 'administrator' },
};

// Expected visibility of a record owned by GB, by classification (the matrix of DESIGN.md §6).
const expected: Record<Classification, string[]> = {
  public: Object.keys(viewers),
  restricted: ['analyst', 'gbOfficer', 'frOfficer', 'lead', 'coordinator', 'administrator'],
  confidential: ['gbOfficer', 'coordinator'],
};

describe('visibility matrix', () => {
  for (const classification of ['public', 'restricted', 'confidential'] as const) {
    it(`shows a ${classification} GB record to exactly ${expected[classification].join(', ')}`, () => {
      const seen = Object.entries(viewers)
        .filter(([, viewer]) => canSee(viewer, { classification, ownerPartner: 'GB' }))
        .map(([name]) => name);
      expect(seen).toEqual(expected[classification]);
    });
  }

  it('lets officers write only their own partner records', () => {
    expect(canWrite(viewers.gbOfficer!, { classification: 'public', ownerPartner: 'GB' })).toBe(true);
    expect(canWrite(viewers.frOfficer!, { classification: 'public', ownerPartner: 'GB' })).toBe(false);
    expect(canWrite(viewers.analyst!, { classification: 'public', ownerPartner: 'GB' })).toBe(false);
    expect(canWrite(viewers.public!, { classification: 'public', ownerPartner: null })).toBe(false);
  });
});
