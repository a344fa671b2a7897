// Known and unknown addresses look the same on POST /auth/v1/otp. With create_user: false, the
// embedded Supabase answers 200 for an address with an account and 422 otp_disabled ("Signups not
// allowed for otp") for one without, so anyone could test which addresses have an account. The
// app's embeddedApi handle and the test harness's server turn that 422 into the same empty 200
// (README, Known differences). The app's own sign-in form already shows both the same page.
// No Node APIs: Vite and plain Node both load it.

const isOtpRequest = (request: Request) =>
	request.method === 'POST' && new URL(request.url).pathname === '/auth/v1/otp';

async function errorCode(response: Response): Promise<string | null> {
	const header = response.headers.get('x-sb-error-code');
	if (header) return header;
	try {
		const body = (await response.clone().json()) as { error_code?: unknown };
		return typeof body.error_code === 'string' ? body.error_code : null;
	} catch {
		return null;
	}
}

/** Answers an OTP request for an unknown address as one for a known address: 200 with `{}`. */
export async function hideUnknownOtpAddress(
	request: Request,
	forward: (request: Request) => Promise<Response>
): Promise<Response> {
	if (!isOtpRequest(request)) return forward(request);
	const response = await forward(request);
	if (response.status === 422 && (await errorCode(response)) === 'otp_disabled') {
		return Response.json({}, { status: 200 });
	}
	return response;
}
