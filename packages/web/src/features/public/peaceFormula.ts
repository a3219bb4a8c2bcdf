import type { Meeting, PeaceFormulaPoint } from '@compact/core';

/** The point the security agreements serve: prevention of escalation. */
export const ESCALATION_POINT = 9;

/** Point 9 first, then the others in order (the API already sends them so; this keeps it true). */
export function orderPoints<P extends Pick<PeaceFormulaPoint, 'point'>>(points: readonly P[]): P[] {
  return [...points].sort((a, b) =>
    a.point === ESCALATION_POINT ? -1 : b.point === ESCALATION_POINT ? 1 : a.point - b.point,
  );
}

/** The meetings that took up a point, oldest first. */
export function meetingsOn(point: number, meetings: readonly Meeting[]): Meeting[] {
  return meetings.filter((meeting) => meeting.points.includes(point)).sort((a, b) => a.on.localeCompare(b.on));
}

/** Meetings by date, most recent first: the table's order. */
export function meetingsByDate(meetings: readonly Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => b.on.localeCompare(a.on) || a.id.localeCompare(b.id));
}
