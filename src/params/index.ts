// The app's param matchers (SvelteKit 3: one `params` export from src/params). Add new matchers
// here, each defined in its own file.
import { defineParams } from '@sveltejs/kit/params';
import { uuid } from './uuid.ts';

export const params = defineParams({ uuid });
