// Errors thrown in the browser (a failed client-side navigation, a component that breaks) get the
// same Dutch messages as the server's, instead of SvelteKit's English "Internal Error".
import type { HandleClientError } from '@sveltejs/kit/hooks';
import { dutchErrorMessage } from '#lib/errors/messages';

export const handleError: HandleClientError = ({ kind, error }) => {
	if (kind === 'app') return;
	const status = kind === 'framework' ? error.status : 500;
	return { status, message: dutchErrorMessage(status) };
};
