import type { CrisisEvent, CrisisRequest, Offer } from './records.js';
import { EDXL_MESSAGE_FOR_ACTION, type EdxlMessageName } from './vocabulary.js';

export const EDXL_RM_NAMESPACE = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg';

/** An allocation as the export needs it: which offer fills which line with how many items. */
export interface EdxlAssignment {
  lineId: string;
  offerId: string;
  partner: string;
  quantity: number;
  deliveryDate: string;
}

export interface EdxlResourceInformation {
  ResourceInfoElementID: string;
  Resource: { Name: string; TypeInfo: string; Keyword?: string };
  AssignmentInformation: { Quantity: { MeasuredQuantity: { Amount: number; UnitOfMeasure: string } }; Restrictions?: string; AnticipatedFunction?: string };
  ScheduleInformation: { ScheduleType: 'RequestedArrival' | 'EstimatedArrival' | 'Committed'; DateTime: string };
  ResponseInformation?: { PrecedingResourceInfoElementID: string; ResponseType: 'Accept' | 'Provisional' };
}

/** One EDXL-RM message, its element names as in the OASIS standard. */
export interface EdxlMessage {
  name: EdxlMessageName;
  MessageID: string;
  SentDateTime: string;
  MessageContentType: EdxlMessageName;
  MessageDescription?: string;
  OriginatingMessageID?: string;
  IncidentInformation: { IncidentID: string; IncidentDescription: string };
  ContactInformation: { ContactRole: 'Requester' | 'Responder' | 'Approver'; Organization: string };
  ResourceInformation: EdxlResourceInformation[];
}

/**
 * The request's history as EDXL-RM messages: RequestResource when submitted, one
 * ResponseToRequestResource per offer, CommitResource for the decided allocation, and the later
 * status messages. Message ids are stable (request id + step) so a re-export is identical.
 */
export function edxlMessages(event: CrisisEvent, request: CrisisRequest, offers: readonly Offer[], assignments: readonly EdxlAssignment[] = []): EdxlMessage[] {
  const incident = { IncidentID: event.id, IncidentDescription: `${event.type}: ${event.title}` };
  const requestMessageId = `${request.id}:RequestResource`;
  const lineInfo = request.lines.map((line): EdxlResourceInformation => ({
    ResourceInfoElementID: line.id,
    Resource: { Name: line.item, TypeInfo: line.capabilityArea ?? request.capabilityArea, ...(line.useTags?.length ? { Keyword: line.useTags.join(' ') } : {}) },
    AssignmentInformation: { Quantity: { MeasuredQuantity: { Amount: line.quantity, UnitOfMeasure: line.unit } }, AnticipatedFunction: line.priority, ...(line.region ? { Restrictions: `region: ${line.region}` } : {}) },
    ScheduleInformation: { ScheduleType: 'RequestedArrival', DateTime: `${line.neededBy}T00:00:00Z` },
  }));
  const messages: EdxlMessage[] = [];
  for (const step of request.history) {
    if (step.action === 'create') continue;
    if (step.action === 'receive-offers') {
      for (const offer of offers) messages.push(offerMessage(offer, requestMessageId, incident));
      continue;
    }
    const name = EDXL_MESSAGE_FOR_ACTION[step.action];
    if (step.action === 'submit') {
      messages.push({
        name,
        MessageID: requestMessageId,
        SentDateTime: step.at,
        MessageContentType: name,
        MessageDescription: request.title,
        IncidentInformation: incident,
        ContactInformation: { ContactRole: 'Requester', Organization: event.beneficiary },
        ResourceInformation: lineInfo,
      });
      continue;
    }
    if (step.action === 'allocate') {
      messages.push({
        name,
        MessageID: `${request.id}:CommitResource`,
        SentDateTime: step.at,
        MessageContentType: name,
        MessageDescription: step.note ?? 'allocation decided',
        OriginatingMessageID: requestMessageId,
        IncidentInformation: incident,
        ContactInformation: { ContactRole: 'Approver', Organization: event.beneficiary },
        ResourceInformation: assignments.map((assignment) => ({
          ResourceInfoElementID: `${assignment.lineId}/${assignment.offerId}`,
          Resource: { Name: request.lines.find((line) => line.id === assignment.lineId)?.item ?? assignment.lineId, TypeInfo: request.capabilityArea },
          AssignmentInformation: { Quantity: { MeasuredQuantity: { Amount: assignment.quantity, UnitOfMeasure: request.lines.find((line) => line.id === assignment.lineId)?.unit ?? 'items' } }, AnticipatedFunction: `provided by ${assignment.partner}` },
          ScheduleInformation: { ScheduleType: 'Committed', DateTime: `${assignment.deliveryDate}T00:00:00Z` },
          ResponseInformation: { PrecedingResourceInfoElementID: assignment.offerId, ResponseType: 'Accept' },
        })),
      });
      continue;
    }
    messages.push({
      name,
      MessageID: `${request.id}:${name}:${step.at}`,
      SentDateTime: step.at,
      MessageContentType: name,
      MessageDescription: step.note ?? `request ${step.to}`,
      OriginatingMessageID: requestMessageId,
      IncidentInformation: incident,
      ContactInformation: { ContactRole: 'Requester', Organization: event.beneficiary },
      ResourceInformation: [],
    });
  }
  return messages;
}

function offerMessage(offer: Offer, requestMessageId: string, incident: EdxlMessage['IncidentInformation']): EdxlMessage {
  return {
    name: 'ResponseToRequestResource',
    MessageID: `${offer.id}:ResponseToRequestResource`,
    SentDateTime: offer.createdAt,
    MessageContentType: 'ResponseToRequestResource',
    ...(offer.note ? { MessageDescription: offer.note } : {}),
    OriginatingMessageID: requestMessageId,
    IncidentInformation: incident,
    ContactInformation: { ContactRole: 'Responder', Organization: offer.partner },
    ResourceInformation: [
      {
        ResourceInfoElementID: offer.id,
        Resource: { Name: offer.item, TypeInfo: offer.unit },
        AssignmentInformation: {
          Quantity: { MeasuredQuantity: { Amount: offer.quantity, UnitOfMeasure: offer.unit } },
          ...(offer.conditions.length ? { Restrictions: offer.conditions.map((condition) => `${condition.type}: ${condition.text}`).join('; ') } : {}),
        },
        ScheduleInformation: { ScheduleType: 'EstimatedArrival', DateTime: `${offer.earliestDelivery}T00:00:00Z` },
        ResponseInformation: { PrecedingResourceInfoElementID: offer.lineId ?? offer.item, ResponseType: 'Provisional' },
      },
    ],
  };
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[char] ?? char);
}

function element(name: string, value: unknown, indent: string): string {
  if (Array.isArray(value)) return value.map((item) => element(name, item, indent)).join('');
  if (value !== null && typeof value === 'object') {
    const children = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .map(([key, child]) => element(key, child, `${indent}  `))
      .join('');
    return `${indent}<${name}>\n${children}${indent}</${name}>\n`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`;
}

/** The messages as XML in the EDXL-RM message namespace, one root element per message, in a list. */
export function edxlXml(messages: readonly EdxlMessage[]): string {
  const body = messages
    .map(({ name, ...content }) => {
      const inner = Object.entries(content)
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => element(key, value, '    '))
        .join('');
      return `  <${name} xmlns="${EDXL_RM_NAMESPACE}">\n${inner}  </${name}>\n`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<EDXLRMMessages>\n${body}</EDXLRMMessages>\n`;
}
