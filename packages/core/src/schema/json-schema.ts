import { z } from 'zod';
import { DataPackage } from './package.js';

/** The data package's JSON Schema, generated from the runtime schemas so the two cannot drift. */
export function dataPackageJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(DataPackage, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }),
    $id: 'urn:compact:data-package:1',
    title: 'Compact data package (compact/1)',
  };
}
