/**
 * A small registry for crisis tests (illustrative, not facts): GB consults within 24 h of an armed
 * attack, the US "where possible within 24 hours" on an attack or threat, France's agreement has no
 * consultation clause.
 */
export const CRISIS_TEST_DATA = {
  format: 'compact/1',
  partners: [
    { code: 'UA', name: 'Ukraine', nameUk: 'Україна' },
    { code: 'GB', name: 'United Kingdom', nameUk: 'Велика Британія' },
    { code: 'US', name: 'United States', nameUk: 'США' },
    { code: 'FR', name: 'France', nameUk: 'Франція' },
  ],
  agreements: [
    { id: 'gb-ua', title: 'GB', parties: ['GB', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'signed', on: '2024-01-12' }], consultation: { trigger: 'armed-attack', withinHours: 24 }, sources: [{ title: 'test' }] },
    { id: 'us-ua', title: 'US', parties: ['US', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'executive-agreement', status: [{ status: 'signed', on: '2024-06-13' }], consultation: { trigger: 'armed-attack-or-threat', withinHours: 24, bestEffort: true }, sources: [{ title: 'test' }] },
    { id: 'fr-ua', title: 'FR', parties: ['FR', 'UA'], beneficiary: 'UA', kind: 'bilateral', legalForm: 'political-commitment', status: [{ status: 'signed', on: '2024-02-16' }], sources: [{ title: 'test' }] },
  ],
};
