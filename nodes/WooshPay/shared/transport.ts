import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';
import { createHash, randomUUID } from 'node:crypto';

import { NodeOperationError } from 'n8n-workflow';

import { baseUrlFor } from '../../../credentials/WooshPayApi.credentials';
import { isErrorAnswer, NoAnswerError, secretsOf, WooshPayAnswerError } from './errors';
import { DEFAULT_TIMEOUT_MS, DEFAULTS, MAX_RETRIES_CAP } from './options';
import type { Simplifier } from './simplify';
import { shapeOutput } from './simplify';
import { accountPace, doneWithRun, dropAccountIfForgettable, pause, runLimits, Stopped } from './pacing';

/**
 * Sending requests to WooshPay and turning its answers into items or clear errors.
 *
 * How a request travels: the engine builds each item's request from the routing of the chosen
 * operation (`route()` in routing.ts: method, URL, this file's request operation) and its
 * fields, and hands it to that request operation: `sendToWooshPay`, `sendMoneyMovement` or
 * `listAll`. It waits for its turn (pacing.ts), adds the Idempotency-Key to a POST, and sends it
 * with the engine's own `makeRoutingRequest`: n8n's HTTP helper with the credential, never
 * following a redirect, then the operation's `postReceive`, the first of which,
 * `throwWooshPayError`, turns an answer that is not WooshPay's success into a
 * WooshPayAnswerError. A request that got a 429, a 5xx, a timeout or a dropped connection is
 * sent again after a wait, with the same key, until Max Retries; a money movement only when
 * WooshPay's answer says it was not carried out.
 */

export const CREDENTIAL_TYPE = 'wooshPayApi';

type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** How long a request made outside the routing (list search, the trigger's endpoint) waits for its answer. */
const OUTSIDE_TIMEOUT_MS = 30_000;

/** What n8n's HTTP helper is told for every request to WooshPay. */
const EVERY_REQUEST = {
	json: true,
	returnFullResponse: true,
	// The error answer (its body and Retry-After) reaches the code that reads it, as an answer.
	ignoreHttpStatusErrors: true,
	// A redirect would carry the Basic auth header (n8n puts it back on, even across hosts) and
	// the body to wherever the Location points: it becomes an error instead (errors.ts).
	disableFollowRedirect: true,
} satisfies Partial<IHttpRequestOptions>;

function missingBaseUrl(context: RequestContext, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(context.getNode(), 'The WooshPay credential has Environment "Custom" but no Base URL', {
		itemIndex,
		description: 'Open the credential and enter the Base URL, such as http://127.0.0.1:4010.',
	});
}

/** The secrets of the node's credential that an error must never show (errors.ts, redact). */
async function credentialSecrets(context: RequestContext): Promise<string[]> {
	try {
		const credentials = await context.getCredentials(CREDENTIAL_TYPE);
		return secretsOf(credentials.secretKey);
	} catch {
		return [];
	}
}

/**
 * Sends one request with the WooshPay credential and returns WooshPay's JSON answer: for
 * requests made outside the routing (list search, the trigger's endpoint), without pacing or
 * retries, waiting at most 30 s, never following a redirect.
 */
export async function wooshPayRequest(
	this: RequestContext,
	request: { method: IHttpRequestMethods; url: string; qs?: IDataObject; body?: IDataObject },
): Promise<IDataObject> {
	const node = this.getNode();
	const credentials: ICredentialDataDecryptedObject = await this.getCredentials(CREDENTIAL_TYPE);
	const baseURL = baseUrlFor(credentials);
	if (!baseURL) throw missingBaseUrl(this);
	const secrets = secretsOf(credentials.secretKey);
	const headers: IDataObject = { Accept: 'application/json' };
	if (request.body) headers['Content-Type'] = 'application/json';
	let response: IN8nHttpFullResponse | undefined;
	let failure: unknown;
	try {
		response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			...request,
			...EVERY_REQUEST,
			baseURL,
			headers,
			timeout: OUTSIDE_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		failure = error;
	}
	if (!response) throw new NoAnswerError(node, failure, { baseURL, secrets });
	if (isErrorAnswer(response)) throw new WooshPayAnswerError(node, response, { secrets });
	return response.body as IDataObject;
}

/**
 * The first `postReceive` of every operation (route() in routing.ts puts it there): an answer
 * that is not WooshPay's JSON success becomes a WooshPayAnswerError in WooshPay's words, before
 * any other `postReceive` of the operation sees it.
 */
export async function throwWooshPayError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isErrorAnswer(response)) {
		throw new WooshPayAnswerError(this.getNode(), response, { itemIndex: this.getItemIndex(), secrets: await credentialSecrets(this) });
	}
	return items;
}

/** How a failed attempt is handled: retried after a wait, or final. */
interface Verdict {
	retry: boolean;
	/** Milliseconds WooshPay asked us to wait (Retry-After), if it did. */
	retryAfterMs?: number;
	throttled?: boolean;
	/** Why a request that may have been carried out was not sent again (money movements). */
	heldBack?: string;
}

/**
 * Whether to send a request again. `mayRepeat`: whether a request that may already have been
 * carried out may be sent again (not for a money movement, unless the user allowed it).
 */
function verdictFor(failure: WooshPayAnswerError | NoAnswerError, mayRepeat: boolean): Verdict {
	const heldBack = mayRepeat ? undefined : 'It moves money and may already have been carried out, so it was not sent again';
	if (failure instanceof NoAnswerError) {
		// A refused connection or an unknown host sent nothing.
		if (failure.notSent) return { retry: true };
		if (failure.kind === 'timeout' || failure.kind === 'reset') return { retry: mayRepeat, heldBack };
		return { retry: false };
	}
	const { status, retryAfterMs } = failure;
	// 429 and a 503 that says when to come back: WooshPay did not carry the request out.
	if (status === 429) return { retry: true, throttled: true, retryAfterMs };
	if (status === 503 && retryAfterMs !== undefined) return { retry: true, retryAfterMs };
	if (status >= 500) return { retry: mayRepeat, retryAfterMs, heldBack };
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
 * one made of the n8n instance, the workflow, the execution, the node, the node's run, the
 * input's origin and the item.
 *
 * - The node's own retries send the same request again and keep the key.
 * - n8n's Retry On Fail runs the same item in the same run again: same key, so a create or
 *   update whose answer was lost is not applied twice.
 * - A loop's next round, another item, another execution: another key.
 * - Another n8n instance or workflow: another key (execution IDs start at 1 in every n8n
 *   database, and an imported workflow keeps its node IDs).
 * - An AI agent's tool calls: n8n runs each call as a new run of the node, so each gets its own
 *   key (the same key for two calls made WooshPay refuse the second with 409).
 * - n8n's Retry of a failed execution runs under a new execution ID: new keys (README says so,
 *   and recommends a key of one's own for refunds and payments).
 *
 * The request's body is left out on purpose: a body that changes between two tries of the same
 * item (an expression with $now) then meets a 409 instead of creating a second object.
 */
function idempotencyKey(this: IExecuteSingleFunctions): string {
	const own = this.getNodeParameter('options.idempotencyKey', '');
	if (typeof own === 'string' && own.trim()) return own.trim();
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
	const seed = [this.getInstanceId(), this.getWorkflow().id ?? '', executionId, node.id, node.name, runIndex, origin, itemIndex].join('|');
	return `n8n-${createHash('sha256').update(seed).digest('hex').slice(0, 40)}`;
}

interface Settings {
	maxParallel: number;
	maxPerSecond: number;
	maxRetries: number;
	retryMoneyMovements: boolean;
	/** Milliseconds one attempt waits for an answer. */
	timeout: number;
}

/** A number option as given, or its default when an expression gave something else. */
function numberOption(this: IExecuteSingleFunctions, name: keyof typeof DEFAULTS): number {
	const value = this.getNodeParameter(`options.${name}`, DEFAULTS[name]);
	return typeof value === 'number' && Number.isFinite(value) ? value : DEFAULTS[name];
}

/**
 * The node's Options and n8n's Request Options → Timeout, read once per run: they apply to the
 * node as a whole, like n8n's batching. Bounded here, whatever an expression gave.
 */
function readSettings(this: IExecuteSingleFunctions): Settings {
	const timeout = Number(this.getNodeParameter('requestOptions.timeout', 0));
	return {
		maxParallel: Math.max(1, Math.floor(numberOption.call(this, 'maxParallel'))),
		maxPerSecond: Math.max(0, numberOption.call(this, 'maxPerSecond')),
		maxRetries: Math.min(MAX_RETRIES_CAP, Math.max(0, Math.floor(numberOption.call(this, 'maxRetries')))),
		retryMoneyMovements: this.getNodeParameter('options.retryMoneyMovements', false) === true,
		timeout: Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS,
	};
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
 * the items the operation's `postReceive` made of WooshPay's answer. `movesMoney`: the request
 * is sent again after an unclear failure only when the user allowed it.
 */
async function sendPacedWithRetries(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	options: IHttpRequestOptions,
	movesMoney: boolean,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const node = this.getNode();
	if (!options.baseURL) throw missingBaseUrl(this, itemIndex);
	const runKey = `${this.getExecutionId()}|${node.id}`;
	const run = runLimits(runKey, () => readSettings.call(this));
	const account = accountKey.call(this, options);
	const pace = accountPace(account);
	const { maxRetries, timeout } = run.settings;
	const mayRepeat = !movesMoney || run.settings.retryMoneyMovements;
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
				sentAt = await pace.turn(signal);
				const attemptOptions = { ...options, ...EVERY_REQUEST, headers: { ...headers }, timeout };
				const items = await this.makeRoutingRequest({ ...requestData, options: attemptOptions });
				pace.succeeded();
				return items;
			} catch (error) {
				failure = error;
				// Before doneSending, so that the requests it wakes see the wider opening window.
				if (error instanceof WooshPayAnswerError && error.status !== 429) pace.answered();
			} finally {
				if (sending) pace.doneSending();
				run.release();
			}
			if (failure instanceof Stopped || signal?.aborted) throw stoppedError.call(this);
			// Errors of the routing itself (a postReceive that found no data) are final as they are;
			// anything else that is not WooshPay's answer is a request that got no answer.
			if (failure instanceof NodeOperationError) throw failure;
			if (!(failure instanceof WooshPayAnswerError) && !(failure instanceof NoAnswerError)) {
				failure = new NoAnswerError(node, failure, { baseURL: options.baseURL, itemIndex, secrets: await credentialSecrets(this) });
			}
			const answered = failure as WooshPayAnswerError | NoAnswerError;
			const verdict = verdictFor(answered, mayRepeat);
			if (verdict.throttled) pace.throttled(sentAt, run.settings.maxPerSecond);
			const wait = verdict.retryAfterMs ?? backoffMs(attempt);
			if (!verdict.retry || attempt >= maxRetries || waited + wait > MAX_RETRY_WAIT_MS) {
				const notes = [
					verdict.retry && attempt > 0 ? `Sent ${attempt + 1} times.` : undefined,
					!verdict.retry && verdict.heldBack
						? `${verdict.heldBack}: check in WooshPay whether it was, before you run it again (or allow it in Options → Retry Money Movements After Unclear Failures).`
						: undefined,
				].filter(Boolean);
				if (notes.length) answered.description = `${answered.description ?? ''} (${notes.join(' ')})`.trim();
				throw answered;
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

type RequestOperation = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/**
 * A request operation that sends the item's request (retried after a 429, a 5xx, a timeout or a
 * dropped connection) and pairs the items its answer gave with the input item. `movesMoney`
 * says, for the request as built, whether it moves money: then it is sent again only when
 * WooshPay's answer says it was not carried out (429, a 503 with Retry-After) or the connection
 * was refused, unless Options → Retry Money Movements After Unclear Failures is on.
 */
function requestOperation(movesMoney: (options: IHttpRequestOptions) => boolean): RequestOperation {
	return async function send(this, requestData) {
		const itemIndex = this.getItemIndex();
		const options = requestData.options as IHttpRequestOptions;
		const items = await sendPacedWithRetries.call(this, requestData, options, movesMoney(options));
		return items.map((item) => ({ ...item, pairedItem: { item: itemIndex } }));
	};
}

/** The request operation of an operation that moves no money. */
export const sendToWooshPay = requestOperation(() => false);

/** The request operation of a refund, a capture, a confirm or a payout: it always moves money. */
export const sendMoneyMovement = requestOperation(() => true);

/** The request operation of an operation that moves money only when its body says so (a payment intent created with `confirm`). */
export const sendMoneyMovementIf = (moves: (body: IDataObject) => boolean): RequestOperation =>
	requestOperation((options) => moves((options.body ?? {}) as IDataObject));

/** The most objects WooshPay is asked for in one page. */
const PAGE_SIZE = 100;

/** Return All stops with an error after this many pages (100,000 objects), whatever the server says. */
export const MAX_PAGES = 1000;

/** An error of a list that does not end: the same cursor twice, or more pages than MAX_PAGES. */
export function endlessListError(context: IExecuteSingleFunctions | IHookFunctions, problem: string, itemIndex?: number): NodeOperationError {
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	return new NodeOperationError(context.getNode(), `WooshPay's list did not end: ${problem}${where}`, {
		itemIndex,
		description:
			'Nothing more was fetched. Narrow the list with filters, or use Limit instead of Return All; if it repeats, the list endpoint (or a proxy in front of it) answers has_more without moving on.',
	});
}

/**
 * The request operation of Get Many operations: follows `has_more` and `starting_after` page
 * by page (a page may hold fewer objects than asked), and stops as soon as Limit is reached
 * without fetching further pages. Each object of a page's `data` becomes an output item. A
 * list whose cursor comes back, or that goes on beyond MAX_PAGES, stops with an error.
 */
export const listAll = listRequest();

/** listAll for a wide object: its objects shaped as Simplify / Output ask (simplify.ts). */
export const listAllSimplified = (simplifier: Simplifier): RequestOperation => listRequest(simplifier);

function listRequest(simplifier?: Simplifier): RequestOperation {
	return async function listPages(this, requestData) {
		const itemIndex = this.getItemIndex();
		const returnAll = this.getNodeParameter('returnAll', false) as boolean;
		const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 50)));
		const options = requestData.options as IHttpRequestOptions;
		const found: IDataObject[] = [];
		const cursors = new Set<string>();
		let startingAfter: string | undefined;
		for (let pages = 0; found.length < limit; pages++) {
			if (pages >= MAX_PAGES) throw endlessListError(this, `it still had more after ${MAX_PAGES} pages`, itemIndex);
			const qs: IDataObject = { ...options.qs, limit: Math.min(PAGE_SIZE, limit - found.length) };
			if (startingAfter) qs.starting_after = startingAfter;
			const [answer] = await sendPacedWithRetries.call(this, requestData, { ...options, qs }, false);
			const page = (answer?.json ?? {}) as IDataObject;
			const data = Array.isArray(page.data) ? (page.data as IDataObject[]) : [];
			found.push(...data.slice(0, limit - found.length));
			const last = data[data.length - 1];
			if (!page.has_more || !last || typeof last.id !== 'string') break;
			if (cursors.has(last.id)) throw endlessListError(this, `it answered has_more with ${last.id} last again`, itemIndex);
			cursors.add(last.id);
			startingAfter = last.id;
		}
		const objects = simplifier ? shapeOutput(this, found, simplifier) : found;
		return objects.map((json) => ({ json, pairedItem: { item: itemIndex } }));
	};
}
