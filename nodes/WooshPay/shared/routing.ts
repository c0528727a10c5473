import type {
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodePropertyRouting,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sendToWooshPay, throwWooshPayError } from './transport';
import { InvalidValue, pathId } from './validation';
import type { Rule } from './validation';

/**
 * The `routing` of operations and fields.
 *
 * - `route()` on each operation: its method and URL, and how it is sent.
 * - `send('address.city', label, rules…)` on a field: its value at that JSON path of the body,
 *   `query(name, label, rules…)` in the query string. The rules check and convert the value
 *   before the request is made, per item; a failing rule stops that item with an error that
 *   names the field by `label` (as the editor shows it, such as "Update Fields → Address →
 *   Country"), the item and the fix.
 */

type PreSend = (this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
type RequestOperation = NonNullable<NonNullable<INodePropertyRouting['operations']>['pagination']>;

/**
 * The routing of one operation: `request` is its method and URL (an expression with
 * idInPath for the ID of the object it works on); `how.send` the request operation that sends
 * it (sendToWooshPay unless given: listAll for Get Many, sendMoneyMovement for refunds and
 * the like, all in transport.ts); `how.preSend` checks across fields; `how.postReceive` shapes
 * the output, after throwWooshPayError has turned an error answer into WooshPay's words.
 *
 * Why `paginate: true` on every operation: n8n's pagination hook (`operations.pagination`) is
 * the only place where a declarative node decides when and how often its request goes out, so
 * every request goes through it: paced to the account's rate, retried, given its
 * Idempotency-Key (transport.ts).
 */
export function route(
	request: { method: IHttpRequestMethods; url: string },
	how: { send?: RequestOperation; preSend?: PreSend[]; postReceive?: PostReceiveAction[] } = {},
): INodePropertyRouting {
	return {
		request,
		send: { paginate: true, preSend: how.preSend ?? [] },
		operations: { pagination: how.send ?? sendToWooshPay },
		output: { postReceive: [throwWooshPayError, ...(how.postReceive ?? [])] },
	};
}

/**
 * The value of the resource locator `name` as one segment of a URL path, for an operation's
 * `url`: trimmed and URL-encoded, so that no ID can lead the request to another path. The
 * locator's own check (idInPathCheck) refuses an empty ID, "." and "..", before anything is sent.
 */
export function idInPath(name: string): string {
	return `{{ encodeURIComponent(String($parameter["${name}"]).trim()) }}`;
}

function fail(context: IExecuteSingleFunctions, label: string, error: unknown): never {
	if (!(error instanceof InvalidValue)) throw error;
	const itemIndex = context.getItemIndex();
	throw new NodeOperationError(context.getNode(), `${label} ${error.problem} [item ${itemIndex}]. ${error.fix}`, {
		itemIndex,
		description: error.fix,
	});
}

/**
 * The check of a resource locator whose value goes into the URL with idInPath: given, not "."
 * or ".." (which would leave the segment), and not `notAnId.word`, a word that would reach
 * another endpoint in the ID's place (such as `search` in `/v1/payment_intents/search`).
 */
export function idInPathCheck(label: string, name: string, notAnId?: { word: string; fix: string }): INodePropertyRouting {
	async function checkId(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const id = this.getNodeParameter(name, undefined, { extractValue: true });
		try {
			if (notAnId && typeof id === 'string' && id.trim() === notAnId.word) {
				throw new InvalidValue(`is "${notAnId.word}", which is not an ID`, notAnId.fix);
			}
			pathId(id, { timezone: '' });
		} catch (error) {
			fail(this, label, error);
		}
		return options;
	}
	return { send: { preSend: [checkId] } };
}

function getPath(target: Record<string, unknown>, path: string[]): unknown {
	let node: unknown = target;
	for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
	return node;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
	let node = target;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
	node[path[path.length - 1]] = value;
}

/**
 * A check across fields, before the fields' own checks: `child` of the object at `parent` (a
 * JSON path) is required whenever that object is sent at all, such as a shipping address's
 * recipient name. `label` names the child field as the editor shows it.
 */
export function requiredWith(parent: string, child: string, label: string): PreSend {
	const parentLabel = label.split(' → ').slice(-2, -1)[0] ?? parent;
	return async function checkRequiredWith(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const object = getPath(options.body as Record<string, unknown>, parent.split('.')) as Record<string, unknown> | undefined;
		const value = object?.[child];
		if (object && (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))) {
			const itemIndex = this.getItemIndex();
			const fix = `Add ${label.split(' → ').pop()}, or remove the other ${parentLabel} fields.`;
			throw new NodeOperationError(this.getNode(), `${label} is required when other ${parentLabel} fields are set [item ${itemIndex}]. ${fix}`, {
				itemIndex,
				description: fix,
			});
		}
		return options;
	};
}

/** A preSend that runs `rules` on the value the engine put at `keys` of the body or query. */
function checked(label: string, rules: Rule[], where: 'body' | 'qs', keys: string[]): PreSend {
	return async function checkField(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const target = options[where] as Record<string, unknown>;
		let value = getPath(target, keys);
		try {
			const body = options.body as Record<string, unknown> | undefined;
			for (const rule of rules) value = rule(value, { timezone: this.getTimezone(), body });
		} catch (error) {
			fail(this, label, error);
		}
		setPath(target, keys, value);
		return options;
	};
}

/** Send the field at a JSON path of the body, after the rules (if any) checked and converted it. */
export function send(path: string, label: string, ...rules: Rule[]): INodePropertyRouting {
	return { send: { type: 'body', property: path, preSend: [checked(label, rules, 'body', path.split('.'))] } };
}

/** Send the field as a query string parameter, named exactly `name` (such as `created[gte]`). */
export function query(name: string, label: string, ...rules: Rule[]): INodePropertyRouting {
	return { send: { type: 'query', property: name, propertyInDotNotation: false, preSend: [checked(label, rules, 'qs', [name])] } };
}
