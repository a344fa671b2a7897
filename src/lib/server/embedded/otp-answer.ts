// Known and unknown addresses look the same on POST /auth/v1/otp (a login mail). The embedded
// Supabase tells them apart three ways: with create_user: false it answers 200 for an address with
// an account and 422 otp_disabled for one without; a known address asked for twice within a
// minute gets 429; and the known one takes ~170 ms (a code is stored and a mail sent) against
// ~5 ms. So the answer does not wait: every well-formed request for an e-mail address gets the
// same empty 200 at once, and the auth server does its work in the background (its refusals are
// logged, never shown). Used by the embeddedApi handle, the test harness's server and the app's
// in-process client (auth-front.ts). No Node APIs: Vite and plain Node both load it.

const isOtpRequest = (request: Request) =>
	request.method === 'POST' && new URL(request.url).pathname === '/auth/v1/otp';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function emailOf(request: Request): Promise<string | null> {
	try {
		const body = (await request.clone().json()) as { email?: unknown };
		return typeof body.email === 'string' && EMAIL.test(body.email) ? body.email : null;
	} catch {
		return null;
	}
}

/**
 * Answers an OTP request for an e-mail address at once with 200 `{}`, and passes it on in the
 * background. A request without a valid address (or for a phone) is passed on as it is: its
 * answer says nothing about anyone's account.
 */
export async function hideUnknownOtpAddress(
	request: Request,
	forward: (request: Request) => Promise<Response>
): Promise<Response> {
	if (!isOtpRequest(request) || (await emailOf(request)) === null) return forward(request);
	void forward(request)
		.then(async (response) => {
			// Not found (422 otp_disabled) and the one-a-minute limit (429) are expected answers.
			if (response.status >= 500) {
				console.warn(`Login mail request failed in the background: ${response.status}`);
			}
			await response.body?.cancel();
		})
		.catch((error: unknown) => {
			console.warn('Login mail request failed in the background:', error);
		});
	return Response.json({}, { status: 200 });
}
