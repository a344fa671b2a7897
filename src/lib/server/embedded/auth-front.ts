// What stands in front of the embedded Supabase's API. From outside (the embeddedApi handle
// and the test harness's HTTP server): rpc arguments read as PostgREST reads them, the password
// sign-in limit, the code-guess limit, and the answers that do not tell known from unknown
// addresses. The app's own in-process client gets
// only the latter: its forms count sign-ins and codes themselves (src/lib/server/auth.ts), with
// the visitor's address. No Node APIs: Vite and plain Node both load it.
import { limitCodeVerification } from './code-limit.ts';
import { normaliseRpcArguments, type RpcSignatures } from './rpc-arguments.ts';
import { hideUnknownOtpAddress } from './otp-answer.ts';
import { limitPasswordSignIn, type SignInLimiter } from './sign-in-limit.ts';
import { hideKnownSignUp } from './signup-answer.ts';

type Forward = (request: Request) => Promise<Response>;

/** Login-mail and sign-up answers that look the same for known and unknown addresses. */
export function privateAnswers(request: Request, forward: Forward): Promise<Response> {
	return hideUnknownOtpAddress(request, (r) => hideKnownSignUp(r, forward));
}

/** Everything in front of the API for a request from outside, from the given client address. */
export async function guardedApi(
	request: Request,
	clientAddress: string | null,
	forward: Forward,
	limiters: { signIns: SignInLimiter; codes: SignInLimiter; rpc?: RpcSignatures }
): Promise<Response> {
	const normalised = await normaliseRpcArguments(request, limiters.rpc);
	if (normalised instanceof Response) return normalised;
	return limitPasswordSignIn(
		normalised,
		clientAddress,
		(r) =>
			limitCodeVerification(r, clientAddress, (v) => privateAnswers(v, forward), limiters.codes),
		limiters.signIns
	);
}
