import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { createHash, randomUUID } from 'node:crypto';

import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { baseUrlFor } from '../../../credentials/WooshPayApi.credentials';
import { DEFAULTS } from './options';
import { dropIfIdle, pacerFor } from './pacing';

/**
 * Sending requests to WooshPay and turning its answers into items or clear errors.
 *
 * The node is declarative: each operation's `routing` says what to send. The engine builds
 * every item's request and hands it to `sendRequest` (registered as the node's request
 * operation; `listAll` for list operations), which owns what happens on the wire: pacing among
 * the run's requests (pacing.ts), retries with backoff, a stable Idempotency-Key, WooshPay's
 * errors in WooshPay's words, and nothing of the secret key in any message.
 */

export const CREDENTIAL_TYPE = 'wooshPayApi';

type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

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
function redact(text: string): string {
	return text.replace(/\b(sk|rk)_(test|live)_[A-Za-z0-9]+/g, '$1_$2_***').replace(/\/\/[^/@\s]*@/g, '//');
}

function describeBody(body: unknown): WooshPayErrorBody | undefined {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
	const source = (body as { error?: unknown }).error;
	const error = (source && typeof source === 'object' ? source : body) as Record<string, unknown>;
	const pick = (key: string) => (typeof error[key] === 'string' && error[key] !== '' ? (error[key] as string) : undefined);
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
function apiError(node: INode, response: IN8nHttpFullResponse, itemIndex?: number): NodeApiError {
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
		message = `WooshPay error ${status} ${statusText}: ${redact(error.message ?? 'no message')}${facts.length ? ` (${facts.join(', ')})` : ''}${where}`;
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
function networkError(node: INode, error: unknown, baseURL: string | undefined, itemIndex?: number): NodeApiError {
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

/** Sends one request with the WooshPay credential and returns WooshPay's JSON answer. */
export async function wooshPayRequest(
	this: RequestContext,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<IDataObject> {
	const node = this.getNode();
	if (!options.baseURL) {
		throw new NodeOperationError(
			node,
			'The WooshPay credential has Environment "Custom" but no Base URL',
			{ itemIndex, description: 'Open the credential and enter the Base URL, such as http://127.0.0.1:4010.' },
		);
	}
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			...options,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw networkError(node, error, options.baseURL, itemIndex);
	}
	if (response.statusCode >= 400 || !response.body || typeof response.body !== 'object' || Buffer.isBuffer(response.body)) {
		throw apiError(node, response, itemIndex);
	}
	return response.body as IDataObject;
}

/** How a failed attempt is handled: retried after a wait, or final. */
interface Verdict {
	retry: boolean;
	/** Milliseconds WooshPay asked us to wait (Retry-After), if it did. */
	retryAfterMs?: number;
	throttled?: boolean;
}

function retryAfterMs(headers: IN8nHttpFullResponse['headers'] | undefined): number | undefined {
	const raw = headers?.['retry-after'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function verdictFor(error: unknown): Verdict {
	const status = Number((error as NodeApiError).httpCode);
	const details = (error as { context?: { retryAfterMs?: number; network?: string } }).context;
	if (status === 429) return { retry: true, throttled: true, retryAfterMs: details?.retryAfterMs };
	if (status >= 500) return { retry: true, retryAfterMs: details?.retryAfterMs };
	if (details?.network === 'timeout' || details?.network === 'reset') return { retry: true };
	return { retry: false };
}

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … up to 30 s, a random part of it. */
function backoffMs(attempt: number): number {
	const ceiling = Math.min(30_000, 500 * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** At most this long is spent waiting between retries of one request. */
const MAX_RETRY_WAIT_MS = 5 * 60_000;

/**
 * The key WooshPay uses to carry out a POST once however often it arrives: the user's own, or
 * one made of the execution, the node, the input's origin and the item. n8n's Retry On Fail
 * runs the same item of the same execution again with the same key, so a retried create or
 * update is never applied twice; a loop's next round and other items get other keys.
 */
function idempotencyKey(this: IExecuteSingleFunctions): string {
	const options = this.getNode().parameters.requestOptions as { idempotencyKey?: unknown } | undefined;
	if (options?.idempotencyKey !== undefined) {
		const own = this.getNodeParameter('requestOptions.idempotencyKey', '');
		if (typeof own === 'string' && own.trim()) return own.trim();
	}
	let origin = '';
	try {
		const source = this.getInputSourceData();
		origin = `${source.previousNode}:${source.previousNodeOutput ?? 0}:${source.previousNodeRun ?? 0}`;
	} catch {
		origin = 'no-source';
	}
	const node = this.getNode();
	const executionId = this.getExecutionId();
	// Without an execution ID a derived key would repeat across runs, and WooshPay would replay
	// an old answer instead of applying the change: use a fresh key (stable for this request's
	// own retries, which reuse it).
	if (!executionId) return `n8n-${randomUUID()}`;
	const seed = [executionId, node.id, node.name, origin, this.getItemIndex()].join('|');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
}

/**
 * The node's request operation: the engine calls it with the request it built for one item
 * (it hands the declarative request here because the resource property sets `paginate`).
 * It paces the request among the run's others, retries what is worth retrying, and returns
 * WooshPay's answer as the item's output.
 */
export async function sendRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const body = await sendWithRetries.call(this, requestData.options as IHttpRequestOptions);
	return [{ json: body, pairedItem: { item: itemIndex } }];
}

/** The node's Options, read once per run: they apply to the node as a whole, like n8n's batching. */
function readSettings(this: IExecuteSingleFunctions): typeof DEFAULTS {
	const settings = { ...DEFAULTS };
	for (const name of Object.keys(DEFAULTS) as Array<keyof typeof DEFAULTS>) {
		const value = this.getNodeParameter(`requestOptions.${name}`, DEFAULTS[name]);
		if (typeof value === 'number' && Number.isFinite(value)) settings[name] = value;
	}
	return settings;
}

/** One logical request of an item: paced, retried with backoff, with a stable idempotency key. */
async function sendWithRetries(this: IExecuteSingleFunctions, options: IHttpRequestOptions): Promise<IDataObject> {
	const itemIndex = this.getItemIndex();
	const node = this.getNode();
	const pacerKey = `${this.getExecutionId()}|${node.id}`;
	const pacer = pacerFor(pacerKey, () => readSettings.call(this));
	const { maxRetries, timeout } = pacer.settings;
	options.timeout = timeout;
	if ((options.method ?? 'GET').toUpperCase() === 'POST') {
		options.headers = { ...options.headers, 'Idempotency-Key': idempotencyKey.call(this) };
	}
	const signal = this.getExecutionCancelSignal();
	let waited = 0;
	try {
		for (let attempt = 0; ; attempt++) {
			await pacer.acquire();
			let failure: unknown;
			try {
				const body = await wooshPayRequest.call(this, options, itemIndex);
				pacer.succeeded();
				return body;
			} catch (error) {
				failure = error;
			} finally {
				pacer.release();
			}
			const verdict = verdictFor(failure);
			if (verdict.throttled) pacer.throttled();
			const wait = verdict.retryAfterMs ?? backoffMs(attempt);
			if (!verdict.retry || attempt >= maxRetries || waited + wait > MAX_RETRY_WAIT_MS || signal?.aborted) {
				if (verdict.retry && attempt > 0 && failure instanceof NodeApiError) {
					failure.description = `${failure.description ?? ''} (Sent ${attempt + 1} times.)`.trim();
				}
				throw failure;
			}
			waited += wait;
			// Retry-After is honoured as given, plus a little jitter so that the requests it
			// stopped do not all come back in the same millisecond.
			await sleep(wait + (verdict.retryAfterMs !== undefined ? Math.random() * 250 : 0));
		}
	} finally {
		dropIfIdle(pacerKey);
	}
}

/** Request options for calls made outside the declarative routing (list search). */
export async function baseOptions(this: ILoadOptionsFunctions): Promise<Pick<IHttpRequestOptions, 'baseURL' | 'headers'>> {
	const credentials: ICredentialDataDecryptedObject = await this.getCredentials(CREDENTIAL_TYPE);
	return { baseURL: baseUrlFor(credentials), headers: { Accept: 'application/json' } };
}

/** The most objects WooshPay is asked for in one page. */
const PAGE_SIZE = 100;

/**
 * The request operation of list operations: follows `has_more` and `starting_after` page by
 * page (a page may hold fewer objects than asked), and stops as soon as Limit is reached
 * without fetching further pages. Each object becomes an output item.
 */
export async function listAll(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 50)));
	const options = requestData.options as IHttpRequestOptions;
	const found: IDataObject[] = [];
	let startingAfter: string | undefined;
	while (found.length < limit) {
		const qs: IDataObject = { ...options.qs, limit: Math.min(PAGE_SIZE, limit - found.length) };
		if (startingAfter) qs.starting_after = startingAfter;
		const page = await sendWithRetries.call(this, { ...options, qs });
		const data = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
		found.push(...data.slice(0, limit - found.length));
		const last = data[data.length - 1];
		if (!page.has_more || !last || typeof last.id !== 'string') break;
		startingAfter = last.id;
	}
	return found.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
