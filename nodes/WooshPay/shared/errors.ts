import type { IN8nHttpFullResponse, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * WooshPay's answers and failed connections as the user should see them: WooshPay's own
 * message, type, code, param and HTTP status, a hint that says what to do, and nothing of the
 * secret key. The two error classes also carry what the transport needs to decide on a retry.
 */

interface WooshPayErrorBody {
	message?: string;
	type?: string;
	code?: string;
	param?: string;
}

const STATUS_TEXT: Record<number, string> = {
	200: 'OK',
	301: 'Moved Permanently',
	302: 'Found',
	303: 'See Other',
	307: 'Temporary Redirect',
	308: 'Permanent Redirect',
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
	409: 'This Idempotency-Key was used before with other values, or the first request with it is still being processed. Wait a moment and check in WooshPay whether it was carried out; use a new key only for a new request.',
	429: 'WooshPay limits how fast requests may come. Lower the request rate in the node options, or try again later.',
};

/**
 * The secrets a text from a server may quote: the credential's secret key as it is, and in the
 * Basic form it is sent in. Pattern-based redaction (redact) catches the rest.
 */
export function secretsOf(secretKey: unknown): string[] {
	const key = typeof secretKey === 'string' ? secretKey.trim() : '';
	if (key.length < 4) return [];
	return [key, Buffer.from(`${key}:`).toString('base64')];
}

/**
 * Text from a server or a library, made safe to show: the given secrets wherever they appear,
 * any secret or restricted key and webhook signing secret (`sk_…`, `rk_…`, `whsec_…`, also
 * with `-` and `.` in them), any `Authorization: Basic …` value and any user:password@ part of
 * a URL.
 */
export function redact(text: string, secrets: string[] = []): string {
	let safe = text;
	// A key is shown by its kind only (sk_test_***), as the patterns below show it.
	for (const secret of secrets) safe = safe.split(secret).join(/^(sk|rk)_(test|live)_/.exec(secret)?.[0].concat('***') ?? '***');
	return safe
		.replace(/\b(sk|rk)_(test|live)_[A-Za-z0-9_.-]+/g, '$1_$2_***')
		.replace(/\bwhsec_[A-Za-z0-9_.+/=-]+/g, 'whsec_***')
		// A credential after an auth scheme: long, and with a digit or a base64 sign in it (so that
		// "Basic authentication" stays as it is).
		.replace(/\b(Basic|Bearer)\s+(?=[A-Za-z0-9+/=._~-]*[0-9+/=])[A-Za-z0-9+/=._~-]{8,}/gi, '$1 ***')
		.replace(/\/\/[^/@\s]*@/g, '//');
}

function describeBody(body: unknown, secrets: string[]): WooshPayErrorBody | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) return undefined;
	const source = (body as { error?: unknown }).error;
	const error = (source && typeof source === 'object' ? source : body) as Record<string, unknown>;
	// Redacted here, so that neither the message nor the error response n8n stores with the
	// error (errorResponse, and the messages it extracts) can carry a key WooshPay quoted.
	const pick = (key: string) => (typeof error[key] === 'string' && error[key] !== '' ? redact(error[key] as string, secrets) : undefined);
	const found = { message: pick('message'), type: pick('type'), code: pick('code'), param: pick('param') };
	return Object.values(found).some((value) => value !== undefined) ? found : undefined;
}

function textOf(body: unknown): string {
	const raw = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : JSON.stringify(body) ?? '';
	const stripped = raw
		.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return stripped.length > 200 ? `${stripped.slice(0, 200)}…` : stripped;
}

function header(headers: IN8nHttpFullResponse['headers'] | undefined, name: string): string | undefined {
	const raw = headers?.[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	return value === undefined || value === null || value === '' ? undefined : String(value);
}

/** Where a redirect points, as host and port only (its path and query may carry anything). */
function redirectTarget(location: string | undefined): string {
	if (!location) return 'no address (no Location header)';
	if (/^\/(?!\/)/.test(location)) return 'another path on the same host';
	try {
		return new URL(location).host || 'an address without a host';
	} catch {
		return 'an address that is not a URL';
	}
}

/**
 * An answer that is not WooshPay's JSON success, from WooshPay or from something in between
 * (a proxy's page, a redirect): WooshPay's message, type, code and param when it gave them.
 */
export class WooshPayAnswerError extends NodeApiError {
	/** The HTTP status of the answer. */
	readonly status: number;

	/** WooshPay's error code, such as resource_missing, when its answer had one. */
	readonly code?: string;

	/** Milliseconds WooshPay asked us to wait before sending again (Retry-After), if it did. */
	readonly retryAfterMs?: number;

	constructor(
		node: INode,
		response: IN8nHttpFullResponse,
		{ itemIndex, secrets = [] }: { itemIndex?: number; secrets?: string[] } = {},
	) {
		const status = response.statusCode;
		const statusText = STATUS_TEXT[status] ?? (status >= 500 ? 'Server Error' : 'Error');
		const error = describeBody(response.body, secrets);
		const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
		const isRedirect = status >= 300 && status < 400;
		let message: string;
		let details: JsonObject;
		let hint: string;
		if (isRedirect) {
			const target = redact(redirectTarget(header(response.headers, 'location')), secrets);
			message = `WooshPay answered ${status} ${statusText}, a redirect to ${target}: not followed, nothing was sent there${where}`;
			details = { status, redirectTo: target };
			hint =
				'The node never follows a redirect, so that the secret key cannot reach another address. Check the Base URL of the WooshPay credential (for Custom, the address that answers the API itself, not one that forwards).';
		} else if (error) {
			const facts = [error.type && `type ${error.type}`, error.code && `code ${error.code}`, error.param && `param ${error.param}`].filter(Boolean);
			message = `WooshPay error ${status} ${statusText}: ${error.message ?? 'no message'}${facts.length ? ` (${facts.join(', ')})` : ''}${where}`;
			details = { ...error, status } as JsonObject;
			hint = HINTS[status] ?? (status >= 500 ? 'WooshPay had a problem with this request. Try again later; if it keeps failing, contact WooshPay support.' : 'Check the values sent for this item.');
		} else {
			const contentType = String(header(response.headers, 'content-type') ?? 'no content type').split(';')[0];
			const excerpt = redact(textOf(response.body), secrets);
			message = `WooshPay answered ${status} ${statusText} with ${contentType} instead of JSON${excerpt ? `: "${excerpt}"` : ''}${where}`;
			details = { status, contentType, excerpt };
			hint = `${
				status < 400
					? 'The address answered, but not as the WooshPay API does.'
					: (HINTS[status] ??
						(status >= 500 ? 'WooshPay had a problem with this request. Try again later; if it keeps failing, contact WooshPay support.' : 'Check the values sent for this item.'))
			} This may come from a proxy or a wrong Base URL in the credential.`;
		}
		super(node, details, { message, description: hint, httpCode: String(status), itemIndex });
		this.status = status;
		this.code = error?.code;
		this.retryAfterMs = retryAfterMs(response.headers);
	}
}

export type NoAnswerKind = 'refused' | 'dns' | 'timeout' | 'reset' | 'other';

const NETWORK_PROBLEMS: Array<[RegExp, NoAnswerKind, string, string]> = [
	[/ECONNREFUSED/, 'refused', 'the connection was refused', 'Check the Environment and Base URL of the WooshPay credential, and that the host is up.'],
	[/ENOTFOUND|EAI_AGAIN/, 'dns', 'the host name could not be resolved', 'Check the Base URL of the WooshPay credential.'],
	[/ECONNABORTED|ETIMEDOUT|timeout/i, 'timeout', 'no answer came in time', 'Try again later, or raise the timeout in the node settings (Request Options → Timeout).'],
	[/ECONNRESET|socket hang up|EPIPE/i, 'reset', 'the connection was closed before an answer came', 'Try again later, and check in WooshPay whether the request was carried out.'],
];

/**
 * A request that got no HTTP answer at all. `kind` tells whether it may have reached WooshPay:
 * a refused connection or an unknown host sent nothing; a timeout or a dropped connection may
 * have been carried out.
 */
export class NoAnswerError extends NodeApiError {
	readonly kind: NoAnswerKind;

	constructor(node: INode, error: unknown, { baseURL, itemIndex, secrets = [] }: { baseURL?: string; itemIndex?: number; secrets?: string[] } = {}) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		const own = error as { code?: string; message?: string };
		const facts = [own.code, cause?.code, own.message, cause?.message].filter(Boolean).join(' ');
		const [, kind, problem, fix] = NETWORK_PROBLEMS.find(([pattern]) => pattern.test(facts)) ?? [
			undefined,
			'other' as const,
			'the request failed',
			'Check the WooshPay credential and try again.',
		];
		const host = baseURL ? redact(baseURL, secrets) : 'the configured host';
		const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
		super(node, { host, kind } as JsonObject, {
			message: `Could not reach WooshPay at ${host}: ${problem}${where}`,
			description: `${fix} (${redact(String(cause?.code ?? own.code ?? own.message ?? 'no error code'), secrets)})`,
			httpCode: 'none',
			itemIndex,
		});
		this.kind = kind;
	}

	/** Whether the request surely never reached WooshPay. */
	get notSent(): boolean {
		return this.kind === 'refused' || this.kind === 'dns';
	}
}

/** An answer that is not WooshPay's JSON success: an error status, a redirect, or no JSON object. */
export function isErrorAnswer(response: IN8nHttpFullResponse): boolean {
	const body = response.body;
	return response.statusCode >= 300 || !body || typeof body !== 'object' || Buffer.isBuffer(body);
}

export function retryAfterMs(headers: IN8nHttpFullResponse['headers'] | undefined): number | undefined {
	const value = header(headers, 'retry-after');
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
