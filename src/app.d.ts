import type { CallMeter, RequestClient } from '#lib/server/supabase';
import type { Viewer } from '#lib/server/viewer';
import type { Municipality, PublicMunicipality } from '#lib/server/tenancy/municipality';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Quoted by the visitor to the helpdesk; the same value is in the server log. */
			reference?: string;
			/** A second sentence: why, and what to do (a 401 that asks to sign in). */
			detail?: string;
		}
		interface Locals {
			supabase: RequestClient;
			viewer: Viewer | null;
			/** This request's id, also in the X-Request-Id answer header and its log line. */
			requestId: string;
			/** Supabase calls of this request, for its log line and Server-Timing. */
			meter: CallMeter;
			/** The municipality of the request's host name (the tenant handle). */
			municipality: Municipality;
			/** How long resolving the host took (Server-Timing). */
			hostMillis: number;
		}
		namespace Superforms {
			/** A form-level notice; a plain string counts as a success message. */
			type Message = string | { type: 'success' | 'error'; text: string };
		}
		interface PageData {
			viewer: Pick<
				Viewer,
				'displayName' | 'roles' | 'isPlatformOperator' | 'isVolunteer' | 'isCarer' | 'buurthulpNew'
			> | null;
			municipality: PublicMunicipality;
		}
	}
}

export {};
