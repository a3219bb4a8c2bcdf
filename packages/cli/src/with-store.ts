import { openStore, type Store } from '@compact/store';
import { storeOptions, type DatabaseFlags } from './config.js';

export async function withStore<T>(flags: DatabaseFlags, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeOptions(flags));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
