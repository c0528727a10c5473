import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { createHash, randomUUID } from 'node:crypto';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { baseUrlFor } from '../../../credentials/WooshPayApi.credentials';
import { apiError, networkError } from './errors';
import { DEFAULTS } from './options';
import { accountPace, doneWithRun, dropAccountIfForgettable, pause, runLimits, Stopped } from './pacing';

/**
 * Sending requests to WooshPay and turning its answers into items or clear errors.
 *
 * How a request travels (the node file has the short version): the engine builds each item's
 * request from the operation's `routing` and, because the Resource property sets `paginate`,
 * hands it to the node's request operation, `sendToWooshPay` (`listAll` for Get Many). That
 * waits for its turn (pacing.ts), adds the Idempotency-Key to a POST, and sends it with the
 * engine's own `makeRoutingRequest`: n8n's HTTP helper with the credential, then every
 * `postReceive` of the routing. The first of those, `throwWooshPayError` (on the Resource
 * property), turns an error answer into WooshPay's message; a 429, a 5xx, a timeout or a
 * dropped connection is sent again after a wait, with the same key, until Max Retries.
 *
 * Why a request operation and not the engine's plain path: the engine sends every item's
 * request at once and never again; the request operation is the one place where a declarative
 * node decides when, and how often, its request goes out.
 */

export const CREDENTIAL_TYPE = 'wooshPayApi';

type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions;

/**
 * Sends one request with the WooshPay credential and returns WooshPay's JSON answer: for
 * requests made outside the routing (list search, the trigger's endpoint), without pacing or
 * retries.
 */
export async function wooshPayRequest(
	this: RequestContext,
	options: IHttpRequestOptions,
	itemIndex?: number,
): Promise<IDataObject> {
	const node = this.getNode();
	if (!options.baseURL) throw missingBaseUrl.call(this, itemIndex);
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
	if (isErrorAnswer(response)) throw apiError(node, response, itemIndex);
	return response.body as IDataObject;
}

function missingBaseUrl(this: RequestContext, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(this.getNode(), 'The WooshPay credential has Environment "Custom" but no Base URL', {
		itemIndex,
		description: 'Open the credential and enter the Base URL, such as http://127.0.0.1:4010.',
	});
}

function isErrorAnswer(response: IN8nHttpFullResponse): boolean {
	const body = response.body;
	return response.statusCode >= 400 || !body || typeof body !== 'object' || Buffer.isBuffer(body);
}

/**
 * The first `postReceive` of every operation (set on the Resource property): an answer that is
 * not WooshPay's JSON success becomes an error in WooshPay's words, before any other
 * `postReceive` or `output` of the operation sees it. Requests are sent with
 * `ignoreHttpStatusErrors`, so that WooshPay's body and Retry-After reach this point.
 */
export async function throwWooshPayError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isErrorAnswer(response)) throw apiError(this.getNode(), response, this.getItemIndex());
	return items;
}

/** How a failed attempt is handled: retried after a wait, or final. */
interface Verdict {
	retry: boolean;
	/** Milliseconds WooshPay asked us to wait (Retry-After), if it did. */
	retryAfterMs?: number;
	throttled?: boolean;
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
 * one made of the execution, the node, the node's run, the input's origin and the item.
 *
 * - The node's own retries send the same request again and keep the key.
 * - n8n's Retry On Fail runs the same item in the same run again: same key, so a create or
 *   update whose answer was lost is not applied twice.
 * - A loop's next round, another item, another execution: another key.
 * - An AI agent's tool calls: n8n runs each call as a new run of the node, so each gets its own
 *   key (the same key for two calls made WooshPay refuse the second with 409).
 *
 * The request's body is left out on purpose: a body that changes between two tries of the same
 * item (an expression with $now) then meets a 409 instead of creating a second object.
 */
function idempotencyKey(this: IExecuteSingleFunctions): string {
	const options = this.getNode().parameters.requestOptions as { idempotencyKey?: unknown } | undefined;
	if (options?.idempotencyKey !== undefined) {
		const own = this.getNodeParameter('requestOptions.idempotencyKey', '');
		if (typeof own === 'string' && own.trim()) return own.trim();
	}
	const executionId = this.getExecutionId();
	// Without an execution ID a derived key would repeat across runs, and WooshPay would replay
	// an old answer instead of applying the change: use a fresh key (stable for this request's
	// own retries, which reuse it).
	if (!executionId) return `n8n-${randomUUID()}`;
	let origin = '';
	try {
		const source = this.getInputSourceData();
		origin = `${source.previousNode}:${source.previousNodeOutput ?? 0}:${source.previousNodeRun ?? 0}`;
	} catch {
		origin = 'no-source';
	}
	const node = this.getNode();
	const itemIndex = this.getItemIndex();
	// The node's run index: n8n's context has no getter for it, its data proxy does ($runIndex).
	const runIndex = this.getWorkflowDataProxy(itemIndex).$runIndex;
	const seed = [executionId, node.id, node.name, runIndex, origin, itemIndex].join('|');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
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

/** The WooshPay account a request goes to: the credential and the base URL. */
function accountKey(this: IExecuteSingleFunctions, options: IHttpRequestOptions): string {
	const credential = this.getNode().credentials?.[CREDENTIAL_TYPE];
	return `${credential?.id ?? credential?.name ?? ''}|${options.baseURL ?? ''}`;
}

function stoppedError(this: IExecuteSingleFunctions): NodeOperationError {
	return new NodeOperationError(this.getNode(), 'The execution was stopped before WooshPay answered this item', {
		itemIndex: this.getItemIndex(),
		description: 'Nothing more was sent for it. Check in WooshPay whether a request that was already on its way was carried out.',
	});
}

/**
 * One logical request of an item, through the engine's `makeRoutingRequest`: paced (account
 * and run), retried with backoff, the same Idempotency-Key on every attempt of a POST. Returns
 * the items the routing's `postReceive` made of WooshPay's answer.
 */
async function sendPacedWithRetries(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const node = this.getNode();
	if (!options.baseURL) throw missingBaseUrl.call(this, itemIndex);
	const runKey = `${this.getExecutionId()}|${node.id}`;
	const run = runLimits(runKey, () => readSettings.call(this));
	const account = accountKey.call(this, options);
	const pace = accountPace(account);
	const { maxRetries, timeout } = run.settings;
	const headers = { ...options.headers };
	if ((options.method ?? 'GET').toUpperCase() === 'POST') headers['Idempotency-Key'] = idempotencyKey.call(this);
	const signal = this.getExecutionCancelSignal();
	let waited = 0;
	pace.inFlight++;
	try {
		for (let attempt = 0; ; attempt++) {
			let failure: unknown;
			let sentAt = 0;
			try {
				await run.acquire(signal);
			} catch {
				throw stoppedError.call(this);
			}
			let sending = false;
			try {
				await pace.startSending(run.settings.maxParallel, signal);
				sending = true;
				await run.turn(signal);
				await pace.turn(signal);
				const attemptOptions = { ...options, headers: { ...headers }, timeout, json: true, ignoreHttpStatusErrors: true };
				sentAt = Date.now();
				const items = await this.makeRoutingRequest({ ...requestData, options: attemptOptions });
				pace.succeeded();
				return items;
			} catch (error) {
				failure = error;
			} finally {
				if (sending) pace.doneSending();
				run.release();
			}
			if (failure instanceof Stopped || signal?.aborted) throw stoppedError.call(this);
			// Errors of the routing itself (a postReceive that found no data) are final as they are;
			// anything else that is not WooshPay's answer is a request that got no answer.
			if (failure instanceof NodeOperationError) throw failure;
			if (!(failure instanceof NodeApiError && failure.context.wooshPay)) {
				failure = networkError(node, failure, options.baseURL, itemIndex);
			}
			const verdict = verdictFor(failure);
			if (verdict.throttled) pace.throttled(Date.now(), sentAt, run.settings.maxPerSecond);
			const wait = verdict.retryAfterMs ?? backoffMs(attempt);
			if (!verdict.retry || attempt >= maxRetries || waited + wait > MAX_RETRY_WAIT_MS) {
				if (verdict.retry && attempt > 0 && failure instanceof NodeApiError) {
					failure.description = `${failure.description ?? ''} (Sent ${attempt + 1} times.)`.trim();
				}
				throw failure;
			}
			waited += wait;
			// Retry-After is honoured as given, plus a little jitter so that the requests it
			// stopped do not all come back in the same millisecond.
			try {
				await pause(wait + (verdict.retryAfterMs !== undefined ? Math.random() * 250 : 0), signal);
			} catch {
				throw stoppedError.call(this);
			}
		}
	} finally {
		pace.inFlight--;
		doneWithRun(runKey);
		dropAccountIfForgettable(account);
	}
}

/**
 * The node's request operation (see the top of this file): sends the item's request and pairs
 * the items its answer gave with the input item.
 */
export async function sendToWooshPay(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const items = await sendPacedWithRetries.call(this, requestData, requestData.options as IHttpRequestOptions);
	return items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
}

/** Request options for calls made outside the declarative routing (list search, the trigger's endpoint). */
export async function baseOptions(this: ILoadOptionsFunctions | IHookFunctions): Promise<Pick<IHttpRequestOptions, 'baseURL' | 'headers'>> {
	const credentials: ICredentialDataDecryptedObject = await this.getCredentials(CREDENTIAL_TYPE);
	return { baseURL: baseUrlFor(credentials), headers: { Accept: 'application/json' } };
}

/** The most objects WooshPay is asked for in one page. */
const PAGE_SIZE = 100;

/**
 * The request operation of Get Many operations: follows `has_more` and `starting_after` page
 * by page (a page may hold fewer objects than asked), and stops as soon as Limit is reached
 * without fetching further pages. Each object of a page's `data` becomes an output item.
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
		const [answer] = await sendPacedWithRetries.call(this, requestData, { ...options, qs });
		const page = (answer?.json ?? {}) as IDataObject;
		const data = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
		found.push(...data.slice(0, limit - found.length));
		const last = data[data.length - 1];
		if (!page.has_more || !last || typeof last.id !== 'string') break;
		startingAfter = last.id;
	}
	return found.map((json) => ({ json, pairedItem: { item: itemIndex } }));
}
