/**
 * Worksheet events: `worksheets.onAdded` and `worksheets.onDeleted` (ExcelApi 1.7), the two an
 * add-in needs to notice that a co-author (or another add-in) inserted or removed sheets while
 * its pane was open.
 *
 * How Excel does it, and so how the host does: adding a handler queues the client's
 * `WorksheetCollection._RegisterAddedEvent` action in the next request; from then on, each sheet
 * added reaches the client as a "rich API message" of the event category, after the request
 * that added it has been answered (never inside the response), and the client calls the
 * handlers registered for that event type and target. Excel sends nothing for an event no one
 * registered, and says whether the change came from this add-in ("Local") or from someone
 * else in the workbook ("Remote").
 *
 * The client hands messages to its handlers through one registry per JavaScript realm (in
 * Office, one pane has one workbook): a handler hears the events of every host in its realm, so
 * a test removes its handlers when done. Outside Office the client cannot ask Office whether
 * event messages are ready to flow; the host answers for it with the client's own test hook
 * (officeJs.ts).
 */

/** The client's event type numbers (WorksheetCollection.onAdded / onDeleted in Microsoft's client). */
export const WORKSHEET_EVENT_TYPES = { added: 13, deleted: 15 } as const;

/** The client's category for event messages (OfficeExtension.Constants.eventMessageCategory). */
const EVENT_MESSAGE_CATEGORY = 65536;
/** Worksheet collection events target the workbook (OfficeExtension.Constants.eventWorkbookId). */
const WORKBOOK_TARGET = "Workbook";

export type EventSource = "Local" | "Remote";

export interface EventMessageEntry {
  messageCategory: number;
  messageType: number;
  targetId: string;
  message: string;
}

export class WorkbookEvents {
  private readonly registered = new Map<number, number>();
  private pending: EventMessageEntry[] = [];
  /** Who is changing the workbook now: the add-in's requests, or a co-author between them. */
  source: EventSource = "Local";

  register(type: number): void {
    this.registered.set(type, (this.registered.get(type) ?? 0) + 1);
  }

  unregister(type: number): void {
    const n = (this.registered.get(type) ?? 0) - 1;
    if (n > 0) this.registered.set(type, n);
    else this.registered.delete(type);
  }

  isRegistered(type: number): boolean {
    return this.registered.has(type);
  }

  /** A sheet came or went; queued only when someone registered for it, as Excel sends only those. */
  sheet(kind: keyof typeof WORKSHEET_EVENT_TYPES, worksheetId: string): void {
    const type = WORKSHEET_EVENT_TYPES[kind];
    if (!this.isRegistered(type)) return;
    this.pending.push({
      messageCategory: EVENT_MESSAGE_CATEGORY,
      messageType: type,
      targetId: WORKBOOK_TARGET,
      message: JSON.stringify({ worksheetId, source: this.source }),
    });
  }

  /** Takes the messages waiting to be sent, oldest first. */
  take(): EventMessageEntry[] {
    const out = this.pending;
    this.pending = [];
    return out;
  }
}
