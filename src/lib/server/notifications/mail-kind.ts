// What an area provides for each notification kind it registers in SQL (notification_kinds):
// the payload it expects and the words of the mail. The layout, the footer and the sending are
// the platform's (templates.ts, worker.ts).
import type { z } from 'zod';

export interface MailContent {
	subject: string;
	paragraphs: string[];
	/**
	 * The one link of the mail: a path on the app's origin. A signed-out recipient is asked to sign
	 * in first and then comes back to it (the link carries `uit=mail`), unless `public` says the
	 * page shows all that matters without signing in (a buurthuis activity).
	 */
	action: { label: string; path: string; public?: boolean };
	/**
	 * For a mail the recipient asked for and may stop (new requests): the path that switches it
	 * off with one click, signed in or not. It becomes a line in the footer and the
	 * `List-Unsubscribe` and `List-Unsubscribe-Post` headers (RFC 8058), so a mail program can
	 * offer "Afmelden" itself.
	 */
	unsubscribe?: string;
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
