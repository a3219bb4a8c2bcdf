#!/usr/bin/env node
// The `compact` command. The sources are TypeScript, run through tsx's loader, so there is no
// build step between a change and the command that uses it.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
