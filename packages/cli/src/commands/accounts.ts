import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { SYSTEM_VIEWER, type Viewer } from '@compact/core';
import { Accounts, type Store } from '@compact/store';
import type { Command } from 'commander';
import type { DatabaseFlags } from '../config.js';
import { withStore } from '../with-store.js';

/** The operator at the machine: allowed to manage accounts, named in the audit log. */
const operator = (): Viewer => ({ ...SYSTEM_VIEWER, actor: `cli:${userInfo().username}` });

interface CreateFlags {
  admin?: boolean;
  role?: string;
  partner?: string;
  coalitions?: string;
}

/** `user` and `token`: accounts and API tokens, for the operator who runs the server. */
export function registerAccountCommands(program: Command, databaseFlags: () => DatabaseFlags): void {
  const user = program.command('user').description('local accounts (argon2id passwords); the first administrator is created here');
  const withAccounts = <T>(work: (accounts: Accounts, store: Store) => Promise<T>) => withStore(databaseFlags(), (store) => work(new Accounts(store), store));

  user
    .command('create <username>')
    .description('create an account; the password is read from standard input (or asked for twice on a terminal)')
    .option('--admin', 'an administrator (same as --role administrator)')
    .option('--role <role>', 'analyst, partner-officer, coalition-lead, coordinator or administrator')
    .option('--partner <code>', 'the partner a partner officer works for (e.g. GB)')
    .option('--coalitions <ids>', "a coalition lead's coalitions, comma-separated")
    .action(async (username: string, flags: CreateFlags) => {
      const role = flags.admin ? 'administrator' : flags.role;
      if (!role) throw new Error('say which role: --admin or --role <role>');
      const password = await readNewPassword();
      const account = await withAccounts((accounts) =>
        accounts.create({ username, password, role, partner: flags.partner, coalitions: flags.coalitions?.split(',').map((id) => id.trim()).filter(Boolean) }, operator()),
      );
      console.log(`created ${account.role} "${account.username}" (${account.id})`);
    });

  user
    .command('list')
    .description('every account, its role and whether it is disabled')
    .action(async () => {
      const list = await withAccounts((accounts) => accounts.list(operator()));
      if (list.length === 0) console.log('no accounts yet: create the first with `compact user create <name> --admin`');
      for (const account of list) {
        const scope = account.partner ?? (account.coalitions.length ? account.coalitions.join(',') : '');
        console.log([account.username, account.role, scope, account.disabled ? 'disabled' : 'active'].filter(Boolean).join('\t'));
      }
    });

  for (const [name, disabled] of [['disable', true], ['enable', false]] as const) {
    user
      .command(`${name} <username>`)
      .description(disabled ? 'disable an account: its sessions end and its tokens stop working' : 'enable a disabled account')
      .action(async (username: string) => {
        await withAccounts(async (accounts) => accounts.update(await accountId(accounts, username), { disabled }, operator()));
        console.log(`${name}d "${username}"`);
      });
  }

  user
    .command('password <username>')
    .description("reset an account's password (read from standard input, or asked for twice); its sessions end")
    .action(async (username: string) => {
      const password = await readNewPassword();
      await withAccounts(async (accounts) => accounts.update(await accountId(accounts, username), { password }, operator()));
      console.log(`reset the password of "${username}"`);
    });

  const token = program.command('token').description('API tokens for machine clients (hashed at rest, scoped, revocable)');
  token
    .command('create <username>')
    .description('create a token acting as the account; it is printed once')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--scope <scope>', 'read or read-write', 'read')
    .option('--expires-days <days>', 'days until it expires (default: never)')
    .action(async (username: string, flags: { name: string; scope: string; expiresDays?: string }) => {
      const created = await withAccounts(async (accounts) =>
        accounts.createToken(await accountId(accounts, username), { name: flags.name, scope: flags.scope, ...(flags.expiresDays ? { expiresInDays: Number(flags.expiresDays) } : {}) }, operator()),
      );
      console.error(`created ${created.info.scope} token ${created.info.id} for "${username}"; it is shown only now:`);
      console.log(created.token);
    });

  token
    .command('list')
    .description('every token (never its secret)')
    .action(async () => {
      const tokens = await withAccounts((accounts) => accounts.listTokens(operator()));
      for (const item of tokens) {
        console.log([item.id, item.username, item.name, item.scope, item.revokedAt ? `revoked ${item.revokedAt}` : item.expiresAt ? `expires ${item.expiresAt}` : 'no expiry'].join('\t'));
      }
    });

  token
    .command('revoke <id>')
    .description('revoke a token at once')
    .action(async (id: string) => {
      await withAccounts((accounts) => accounts.revokeToken(id, operator()));
      console.log(`revoked token ${id}`);
    });
}

async function accountId(accounts: Accounts, username: string): Promise<string> {
  const account = await accounts.findByUsername(username);
  if (!account) throw new Error(`no account named "${username}" (see \`compact user list\`)`);
  return account.id;
}

/** From a pipe: its first line. On a terminal: asked twice, not echoed. Never from a flag (it would stay in the shell history). */
async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    const password = text.split(/\r?\n/)[0] ?? '';
    if (!password) throw new Error('no password on standard input (e.g. `printf %s "$PASSWORD" | compact user create …`)');
    return password;
  }
  const first = await askHidden('Password (at least 12 characters): ');
  const second = await askHidden('Once more: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = terminal as unknown as { _writeToOutput: (text: string) => void };
    output._writeToOutput = (text: string) => {
      // Echo the prompt, not what is typed.
      if (text.startsWith(prompt)) process.stdout.write(prompt);
    };
    terminal.question(prompt, (answer) => {
      terminal.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}
