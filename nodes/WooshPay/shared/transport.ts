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
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { baseUrlFor } from '../../../credentials/WooshPayApi.credentials';

/**
 * Sending requests to WooshPay and turning its answers into items or clear errors.
 *
 * The node is declarative: each operation's `routing` says what to send. The engine builds
 * every item's request and hands it to `sendRequest` (registered as the node's request
 * operation), which owns what happens on the wire: WooshPay's errors in WooshPay's words, and
 * nothing of the secret key in any message.
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
		message = `WooshPay error ${status} ${statusText}: ${redact(error.message ?? 'no message')}${facts.length ? ` (${facts.join(', ')})` : ''}${where}`;
		details = { ...error, status } as JsonObject;
	} else {
		const contentType = String(response.headers?.['content-type'] ?? 'unknown content type');
		const excerpt = redact(textOf(response.body));
		message = `WooshPay error ${status} ${statusText}: the answer was not a WooshPay error (${contentType.split(';')[0]})${excerpt ? `: "${excerpt}"` : ''}${where}`;
		details = { status, contentType, excerpt };
	}
	const hint =
		HINTS[status] ??
		(status >= 500
			? 'WooshPay had a problem with this request. Try again later; if it keeps failing, contact WooshPay support.'
			: 'Check the values sent for this item.');
	const proxyHint = error ? '' : ' This may come from a proxy or a wrong Base URL in the credential.';
	return new NodeApiError(node, details, {
		message,
		description: `${hint}${proxyHint}`,
		httpCode: String(status),
		itemIndex,
	});
}

const NETWORK_PROBLEMS: Array<[RegExp, string, string]> = [
	[/ECONNREFUSED/, 'the connection was refused', 'Check the Environment and Base URL of the WooshPay credential, and that the host is up.'],
	[/ENOTFOUND|EAI_AGAIN/, 'the host name could not be resolved', 'Check the Base URL of the WooshPay credential.'],
	[/ECONNABORTED|ETIMEDOUT|timeout/i, 'no answer came in time', 'Try again later, or raise the timeout in the node options.'],
	[/ECONNRESET|socket hang up|EPIPE/i, 'the connection was closed before an answer came', 'Try again; the request may or may not have been carried out.'],
];

/** A request that got no HTTP answer at all. */
export function networkError(node: INode, error: unknown, baseURL: string | undefined, itemIndex?: number): NodeApiError {
	const cause = (error as { cause?: { code?: string; message?: string } }).cause;
	const own = error as { code?: string; message?: string };
	const facts = [own.code, cause?.code, own.message, cause?.message].filter(Boolean).join(' ');
	const [, problem, fix] = NETWORK_PROBLEMS.find(([pattern]) => pattern.test(facts)) ?? [
		undefined,
		'the request failed',
		'Check the WooshPay credential and try again.',
	];
	const host = baseURL ? redact(baseURL) : 'the configured host';
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	return new NodeApiError(
		node,
		{ code: cause?.code ?? own.code ?? 'unknown', host } as JsonObject,
		{
			message: `Could not reach WooshPay at ${host}: ${problem}${where}`,
			description: `${fix} (${redact(String(cause?.code ?? own.code ?? own.message ?? 'no error code'))})`,
			httpCode: 'none',
			itemIndex,
		},
	);
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

/**
 * The node's request operation: the engine calls it with the request it built for one item
 * (the engine passes the declarative request here when `paginate` is set, which the resource
 * property always sets).
 */
export async function sendRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const body = await wooshPayRequest.call(this, requestData.options as IHttpRequestOptions, itemIndex);
	return [{ json: body, pairedItem: { item: itemIndex } }];
}

/** Request options for calls made outside the declarative routing (list search). */
export async function baseOptions(this: ILoadOptionsFunctions): Promise<Pick<IHttpRequestOptions, 'baseURL' | 'headers'>> {
	const credentials: ICredentialDataDecryptedObject = await this.getCredentials(CREDENTIAL_TYPE);
	return { baseURL: baseUrlFor(credentials), headers: { Accept: 'application/json' } };
}
