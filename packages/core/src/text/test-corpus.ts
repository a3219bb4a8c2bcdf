// Reads the ground-truth corpus for tests and the bench (the engine itself never touches files).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnswerFile, CorpusDocument } from './accuracy.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../../../test/fixtures/agreements/', import.meta.url));

export function loadCorpus(): CorpusDocument[] {
  const manifest = JSON.parse(readFileSync(`${CORPUS_DIR}corpus.json`, 'utf8')) as { documents: Array<{ file: string; answers: string }> };
  return manifest.documents.map((doc) => ({
    name: doc.file,
    text: readFileSync(`${CORPUS_DIR}${doc.file}`, 'utf8'),
    answers: JSON.parse(readFileSync(`${CORPUS_DIR}${doc.answers}`, 'utf8')) as AnswerFile,
  }));
}
