import { CompactError, type ValidationIssue } from '@compact/core';

/** One line per problem, path first, so a long list is easy to scan and grep. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `  ${issue.path}: ${issue.message} [${issue.code}]`).join('\n');
}

export function describeError(error: unknown): string {
  if (error instanceof CompactError) {
    const head = `${error.code}: ${error.message}`;
    return error.issues && error.issues.length > 1 ? `${head}\n${formatIssues(error.issues)}` : head;
  }
  return error instanceof Error ? error.message : String(error);
}
