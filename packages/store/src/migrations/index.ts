import type { Migration, MigrationProvider } from 'kysely';
import { initial } from './001-initial.js';
import { agreementTexts } from './002-agreement-texts.js';
import { crisis } from './003-crisis.js';
import { stressTests } from './004-stress-tests.js';
import { unlinkedFlows } from './005-unlinked-flows.js';
import { accounts } from './006-accounts.js';

/** Migrations are compiled in, not read from disk, so they ship with the code that needs them. */
export const migrationProvider: MigrationProvider = {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve({ '001-initial': initial, '002-agreement-texts': agreementTexts, '003-crisis': crisis, '004-stress-tests': stressTests,
      '005-unlinked-flows': unlinkedFlows,
      '006-accounts': accounts,
    });
  },
};
