// What an area provides for each notification kind it registers in SQL (notification_kinds):
// the payload it expects and the words of the mail. The layout, the footer and the sending are
// the platform's (templates.ts, worker.ts).
import type { z } from 'zod';

export interface MailContent {
	subject: string;
	paragraphs: string[];
	/** The one link of the mail: a path on the app's origin, where the recipient signs in. */
	action: { label: string; path: string };
}

export interface MailKind<Payload = unknown> {
	/** Validates notification_outbox.payload; ids must be uuids, since they go into links. */
	payload: z.ZodType<Payload>;
	/** Null when the payload lacks what the mail needs. */
	content: (payload: Payload) => MailContent | null;
}

/** Keeps each kind's payload type tied to its content function. */
export function mailKind<Payload>(kind: MailKind<Payload>): MailKind {
	return kind as MailKind;
}
