import type { RequestClient } from '#lib/server/supabase';
import type { Viewer } from '#lib/server/viewer';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			supabase: RequestClient;
			viewer: Viewer | null;
		}
		interface PageData {
			viewer: Pick<Viewer, 'displayName' | 'roles'> | null;
		}
	}
}

export {};
