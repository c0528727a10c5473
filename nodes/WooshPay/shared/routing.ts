import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodePropertyRouting,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InvalidValue, pathId, text } from './validation';
import type { Rule } from './validation';

/**
 * Builders for the `routing` of a field. `send('address.city')` sends the field's value at that
 * JSON path of the request body; rules after the path check and convert the value before the
 * request is made, per item. A failing rule stops that item with an error that names the field
 * (as the editor shows it), the item and the fix.
 */

interface FieldMeta {
	/** The field as the editor shows it, such as "Update Fields → Address → Country". */
	label: string;
	/** The field's type, to send numbers given to text fields as text. */
	type?: string;
}

const fieldMeta = new WeakMap<INodePropertyRouting, FieldMeta>();

function fail(context: IExecuteSingleFunctions, meta: FieldMeta, error: unknown): never {
	if (!(error instanceof InvalidValue)) throw error;
	const itemIndex = context.getItemIndex();
	throw new NodeOperationError(context.getNode(), `${meta.label} ${error.problem} [item ${itemIndex}]. ${error.fix}`, {
		itemIndex,
		description: error.fix,
	});
}

function getPath(body: Record<string, unknown>, path: string[]): unknown {
	let node: unknown = body;
	for (const key of path) node = (node as Record<string, unknown> | undefined)?.[key];
	return node;
}

function setPath(body: Record<string, unknown>, path: string[], value: unknown) {
	let node = body;
	for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
	node[path[path.length - 1]] = value;
}

function checked(
	meta: FieldMeta,
	rules: Rule[],
	where: (options: IHttpRequestOptions) => Record<string, unknown>,
	keys: string[],
) {
	return async function checkField(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const target = where(options);
		let value = getPath(target, keys);
		try {
			if (meta.type === 'string' && !rules.length) value = text(value, { timezone: '' });
			const body = options.body as Record<string, unknown> | undefined;
			for (const rule of rules) value = rule(value, { timezone: this.getTimezone(), body });
		} catch (error) {
			fail(this, meta, error);
		}
		setPath(target, keys, value);
		return options;
	};
}

/** Send the field at a JSON path of the body, after the rules (if any) checked and converted it. */
export function send(path: string, ...rules: Rule[]): INodePropertyRouting {
	const meta: FieldMeta = { label: path };
	const body = (options: IHttpRequestOptions) => options.body as Record<string, unknown>;
	const routing: INodePropertyRouting = {
		send: { type: 'body', property: path, preSend: [checked(meta, rules, body, path.split('.'))] },
	};
	fieldMeta.set(routing, meta);
	return routing;
}

/** Send the field as a query string parameter, named exactly `name` (such as `created[gte]`). */
export function query(name: string, ...rules: Rule[]): INodePropertyRouting {
	const meta: FieldMeta = { label: name };
	const qs = (options: IHttpRequestOptions) => options.qs as Record<string, unknown>;
	const routing: INodePropertyRouting = {
		send: { type: 'query', property: name, propertyInDotNotation: false, preSend: [checked(meta, rules, qs, [name])] },
	};
	fieldMeta.set(routing, meta);
	return routing;
}

/**
 * The request's URL with the ID of the object the operation works on (`{id}` in the
 * template), read from the resource locator, trimmed and URL-encoded so that no ID can lead
 * the request to another path. It sits on the operation, next to the method, so that the
 * engine does not resolve the locator once more for a routing of its own. `notAnId`: a word
 * that would reach another endpoint in the ID's place (such as `search` in
 * `/v1/payment_intents/search`), with the fix to show.
 */
export function urlWithId(locator: INodeProperties, urlTemplate: string, notAnId?: { word: string; fix: string }): PreSend {
	const meta: FieldMeta = { label: locator.displayName };
	return async function putIdInPath(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const id = this.getNodeParameter(locator.name, undefined, { extractValue: true });
		try {
			if (notAnId && typeof id === 'string' && id.trim() === notAnId.word) {
				throw new InvalidValue(`is "${notAnId.word}", which is not an ID`, notAnId.fix);
			}
			options.url = urlTemplate.replace('{id}', pathId(id, { timezone: '' }) as string);
		} catch (error) {
			fail(this, meta, error);
		}
		return options;
	};
}

type PreSend = (this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

type Option = INodeProperties | INodePropertyCollection | INodePropertyOptions;

/**
 * Names every routed field after what the editor shows (parents included), so that errors
 * say "Update Fields → Billing Address → Country", not "billing.address.country". Called once,
 * when the node's description is composed.
 */
export function labelFields<T extends Option[]>(properties: T, trail: string[] = []): T {
	for (const property of properties) {
		const name = 'displayName' in property ? property.displayName : property.name;
		const here = [...trail, name];
		if ('routing' in property && property.routing) {
			const meta = fieldMeta.get(property.routing);
			if (meta) {
				meta.label = here.join(' → ');
				meta.type = 'type' in property ? property.type : undefined;
			}
		}
		const isChoice = 'type' in property && property.type === 'options';
		if ('options' in property && property.options && !isChoice) labelFields(property.options as Option[], here);
		if ('values' in property && property.values) labelFields(property.values, here);
	}
	return properties;
}
