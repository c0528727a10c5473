import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Simplify, for the Get and Get Many of WooshPay's wide objects (a payment intent has about 40
 * fields): by default the node outputs at most 10 useful fields of each, IDs always kept, and
 * the fields WooshPay sends as JSON in text (`payment_method_types`, `payment_method_options`)
 * as real JSON. Used as an AI agent's tool (n8n's `@tool` display condition), the node offers
 * Output instead: Simplified, Raw, or Selected Fields, so that an agent's context is not
 * flooded with what it did not ask for.
 */

/** The simplified form of one object: at most 10 fields, its ID first. */
export type Simplifier = (object: IDataObject) => IDataObject;

/** The Simplify switch (in the editor) and the Output choice (as an AI tool) of `operations`. */
export function simplifyFields(resource: string, operations: string[], noun: string): INodeProperties[] {
	const show = { resource: [resource], operation: operations };
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: `Whether to return a simplified version of each ${noun} (at most 10 fields, listed in the README) instead of the raw data`,
			displayOptions: { show: { ...show, '@tool': [false] } },
		},
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simplified',
			options: [
				{ name: 'Simplified', value: 'simplified', description: `At most 10 useful fields of each ${noun}, IDs always kept` },
				{ name: 'Raw', value: 'raw', description: `WooshPay's whole ${noun}` },
				{ name: 'Selected Fields', value: 'selected', description: 'Only the fields named below' },
			],
			displayOptions: { show: { ...show, '@tool': [true] } },
		},
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			default: '',
			placeholder: 'status,amount,customer',
			description: `The fields of each ${noun} to return, separated by commas (its ID is always returned)`,
			displayOptions: { show: { ...show, '@tool': [true], output: ['selected'] } },
		},
	];
}

/** WooshPay's JSON sent as text (its own examples do so for these fields): parsed, or left as it is when it is not JSON. */
export function parsedJsonText(value: IDataObject[string]): IDataObject[string] {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (!text.startsWith('[') && !text.startsWith('{')) return value;
	try {
		return JSON.parse(text) as IDataObject[string];
	} catch {
		return value;
	}
}

/** The fields of `object` named in `names`, in that order; those it lacks are left out. */
function pick(object: IDataObject, names: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const name of names) if (Object.prototype.hasOwnProperty.call(object, name)) picked[name] = object[name];
	return picked;
}

/**
 * Objects as Simplify / Output ask: each simplified by `simplifier`, whole, or cut to the
 * fields the agent named.
 */
export function shapeOutput(context: IExecuteSingleFunctions, objects: IDataObject[], simplifier: Simplifier): IDataObject[] {
	const output = context.getNodeParameter('output', '') as string;
	const mode = output || (context.getNodeParameter('simplify', true) === false ? 'raw' : 'simplified');
	if (mode === 'raw') return objects;
	if (mode === 'selected') {
		const given = context.getNodeParameter('outputFields', '');
		if (typeof given !== 'string') {
			throw new NodeOperationError(context.getNode(), `Fields is ${JSON.stringify(given)}, not a list of field names [item ${context.getItemIndex()}]`, {
				itemIndex: context.getItemIndex(),
				description: 'Give the field names separated by commas, such as status,amount,customer.',
			});
		}
		const names = ['id', ...given.split(',').map((name) => name.trim()).filter((name) => name && name !== 'id')];
		return objects.map((object) => pick(object, names));
	}
	// A field the object does not have is left out, not output as undefined.
	return objects.map((object) => Object.fromEntries(Object.entries(simplifier(object)).filter(([, value]) => value !== undefined)) as IDataObject);
}

/**
 * The output of a Get as Simplify / Output ask: a `postReceive` after throwWooshPayError (route()
 * in routing.ts puts that one first). Get Many shapes its objects in listAll, once all pages are in.
 */
export function simplified(simplifier: Simplifier) {
	return async function simplifyOutput(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
		const shaped = shapeOutput(this, items.map((item) => item.json), simplifier);
		return items.map((item, index) => ({ ...item, json: shaped[index] }));
	};
}
