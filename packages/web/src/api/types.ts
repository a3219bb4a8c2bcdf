import type {
  AgreementSummary,
  AgreementView as CoreAgreementView,
  Clause,
  Coalition,
  Commitment,
  Partner,
} from '@compact/core';

// The server speaks the core's entities plus a few computed fields; these are its response shapes.

export interface Health {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  version: string;
}

/** An agreement with its status on the requested day, its signature date and its partner party. */
export type AgreementView = CoreAgreementView & { version?: number };

export interface AgreementList {
  asOf: string;
  items: AgreementView[];
  summary: AgreementSummary;
}

export interface Items<T> {
  items: T[];
}

export type PartnerView = Partner & { version?: number };
export type CommitmentView = Commitment & { version?: number };
export type CoalitionView = Coalition & { version?: number };
export type ClauseView = Clause & { version?: number };

export interface ApiErrorBody {
  error: { code: string; message: string; path?: string };
}
