// Writes the published JSON Schema of the data package next to the core package (npm run schema).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dataPackageJsonSchema } from '../src/index.js';

const target = fileURLToPath(new URL('../data-package.schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(dataPackageJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
