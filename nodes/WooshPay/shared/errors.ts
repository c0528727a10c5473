import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * WooshPay's answers and failed connections as the user should see them: WooshPay's own
 * message, type, code, param and HTTP status, a hint that says what to do, and nothing of the
 * secret key.
 */

interface WooshPayErrorBody {
	message?: string;
	type?: string;
	code?: string;
	param?: string;
}

const STATUS_TEXT: Record<number, string> = {
	200: 'OK',
	400: 'Bad Request',
	401: 'Unauthorized',
	402: 'Request Failed',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

const HINTS: Record<number, string> = {
	400: 'A value was missing or not accepted; the parameter WooshPay names is the one to fix.',
	401: 'Check the secret key in the WooshPay credential, and that its Environment fits the key: sk_test_ keys belong to Test, sk_live_ keys to Live.',
	402: 'WooshPay understood the request but could not carry it out.',
	403: 'The secret key is not allowed to do this; check its permissions in the WooshPay dashboard.',
	404: 'Check the ID, and that it belongs to the same mode (test or live) as the secret key.',
	409: 'The same Idempotency-Key was used before with other values. Use a new key for a new request.',
	429: 'WooshPay limits how fast requests may come. Lower the request rate in the node options, or try again later.',
};

/** Secret keys and user:password@ parts of URLs, wherever they appear in text. */
export function redact(text: string): string {
	return text.replace(/\b(sk|rk)_(test|live)_[A-Za-z0-9]+/g, '$1_$2_***').replace(/\/\/[^/@\s]*@/g, '//');
}

function describeBody(body: unknown): WooshPayErrorBody | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const source = (body as { error?: unknown }).error;
	const error = (source && typeof source === 'object' ? source : body) as Record<string, unknown>;
	// Redacted here, so that neither the message nor the error response n8n stores with the
	// error (errorResponse, and the messages it extracts) can carry a key WooshPay quoted.
	const pick = (key: string) => (typeof error[key] === 'string' && error[key] !== '' ? redact(error[key] as string) : undefined);
	const found = { message: pick('message'), type: pick('type'), code: pick('code'), param: pick('param') };
	return Object.values(found).some((value) => value !== undefined) ? found : undefined;
}

function textOf(body: unknown): string {
	const raw = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : JSON.stringify(body);
	const stripped = raw
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return stripped.length > 200 ? `${stripped.slice(0, 200)}…` : stripped;
}

/** An error answer from WooshPay (or from something in between), as the user should see it. */
export function apiError(node: INode, response: IN8nHttpFullResponse, itemIndex?: number): NodeApiError {
	const status = response.statusCode;
	const statusText = STATUS_TEXT[status] ?? (status >= 500 ? 'Server Error' : 'Error');
	const error = describeBody(response.body);
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	let message: string;
	let details: JsonObject;
	if (error) {
		const facts = [
			error.type && `type ${error.type}`,
			error.code && `code ${error.code}`,
			error.param && `param ${error.param}`,
		].filter(Boolean);
		message = `WooshPay error ${status} ${statusText}: ${error.message ?? 'no message'}${facts.length ? ` (${facts.join(', ')})` : ''}${where}`;
		details = { ...error, status } as JsonObject;
	} else {
		const contentType = String(response.headers?.['content-type'] ?? 'no content type').split(';')[0];
		const excerpt = redact(textOf(response.body));
		message = `WooshPay answered ${status} ${statusText} with ${contentType} instead of JSON${excerpt ? `: "${excerpt}"` : ''}${where}`;
		details = { status, contentType, excerpt };
	}
	const hint =
		(status < 400 ? 'The address answered, but not as the WooshPay API does.' : HINTS[status]) ??
		(status >= 500
			? 'WooshPay had a problem with this request. Try again later; if it keeps failing, contact WooshPay support.'
			: 'Check the values sent for this item.');
	const proxyHint = error ? '' : ' This may come from a proxy or a wrong Base URL in the credential.';
	const apiError = new NodeApiError(node, details, {
		message,
		description: `${hint}${proxyHint}`,
		httpCode: String(status),
		itemIndex,
	});
	// Marks an answer from WooshPay (or from something in between), as against a request that
	// got no answer at all; the transport retries by the status and Retry-After.
	apiError.context.wooshPay = true;
	const wait = retryAfterMs(response.headers);
	if (wait !== undefined) apiError.context.retryAfterMs = wait;
	return apiError;
}

const NETWORK_PROBLEMS: Array<[RegExp, string, string, string]> = [
	[/ECONNREFUSED/, 'refused', 'the connection was refused', 'Check the Environment and Base URL of the WooshPay credential, and that the host is up.'],
	[/ENOTFOUND|EAI_AGAIN/, 'dns', 'the host name could not be resolved', 'Check the Base URL of the WooshPay credential.'],
	[/ECONNABORTED|ETIMEDOUT|timeout/i, 'timeout', 'no answer came in time', 'Try again later, or raise Timeout in the node options.'],
	[/ECONNRESET|socket hang up|EPIPE/i, 'reset', 'the connection was closed before an answer came', 'Try again later; a retried create or update is not carried out twice.'],
];

/** A request that got no HTTP answer at all. */
export function networkError(node: INode, error: unknown, baseURL: string | undefined, itemIndex?: number): NodeApiError {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	const own = error as { code?: string; message?: string };
	const facts = [own.code, cause?.code, own.message, cause?.message].filter(Boolean).join(' ');
	const [, kind, problem, fix] = NETWORK_PROBLEMS.find(([pattern]) => pattern.test(facts)) ?? [
		undefined,
		'other',
		'the request failed',
		'Check the WooshPay credential and try again.',
	];
	const host = baseURL ? redact(baseURL) : 'the configured host';
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	const networkError = new NodeApiError(node, { host, kind } as JsonObject, {
		message: `Could not reach WooshPay at ${host}: ${problem}${where}`,
		description: `${fix} (${redact(String(cause?.code ?? own.code ?? own.message ?? 'no error code'))})`,
		httpCode: 'none',
		itemIndex,
	});
	networkError.context.network = kind;
	return networkError;
}

export function retryAfterMs(headers: IN8nHttpFullResponse['headers'] | undefined): number | undefined {
	const raw = headers?.['retry-after'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

