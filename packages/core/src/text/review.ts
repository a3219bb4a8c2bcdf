// Shapes shared by the store, the API and the web app for imported texts and their review queue.

/** An imported agreement text; the server keeps the original file with its hash. */
export interface ImportedDocument {
  id: string;
  agreementId: string;
  filename: string;
  format: string;
  sha256: string;
  bytes: number;
  pages?: number;
  importedBy: string;
  importedAt: string;
}

export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
