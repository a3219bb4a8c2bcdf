import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** 256 random bits, URL-safe: session ids, CSRF tokens and API token secrets. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Session ids and token secrets are stored as this digest: they are random, so no salt or slow hash is needed. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommended minimum).
 * The algorithm is spelled as its number because the library's enum is a `const enum`, which
 * this build's isolated modules cannot read; a test checks the hash says `$argon2id$`.
 */
const ARGON2ID = 2;
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;
/**
 * A hash to check against when the username is unknown, so that an unknown name costs as long as
 * a wrong password and the answer's timing does not tell which names exist.
 */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomSecret());
  return decoy;
}
