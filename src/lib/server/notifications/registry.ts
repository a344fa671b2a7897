// Every area's mail kinds, found by convention: src/lib/server/<area>/mail.ts exports `mailKinds`.
// So adding an area adds a file and touches no other area's code.
import type { MailKind } from './mail-kind';

interface AreaMail {
	mailKinds: Record<string, MailKind>;
}

const modules = import.meta.glob<AreaMail>('../*/mail.ts', { eager: true });

function collect(): Map<string, MailKind> {
	const kinds = new Map<string, MailKind>();
	for (const [file, module] of Object.entries(modules)) {
		for (const [kind, definition] of Object.entries(module.mailKinds)) {
			if (kinds.has(kind)) throw new Error(`Mail kind ${kind} is registered twice (${file}).`);
			kinds.set(kind, definition);
		}
	}
	return kinds;
}

export const MAIL_KINDS: ReadonlyMap<string, MailKind> = collect();
