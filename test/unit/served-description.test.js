// @ts-check
'use strict';

const { nodeTypes, packageLoaded } = require('../harness/engine');
const { readmeParagraph, readmeTable } = require('../harness/readme');
/** @import { INodeProperties, INodePropertyCollection, INodeType } from 'n8n-workflow' */

/**
 * The WooshPay node's description as n8n serves it to the editor and the engine: loaded from
 * dist/ by n8n-core's package loader (test/harness/engine.js), after the loader's own changes
 * (applySpecialNodeParameters, applyDeclarativeNodeOptionParameters: n8n's Request Options).
 * Before issue 18 the node named its Options `requestOptions`, which the loader took for its own
 * and merged with n8n's: Batching twice, two Timeout options with one name.
 */
let served = /** @type {INodeProperties[]} */ ([]);
beforeAll(async () => {
	await packageLoaded;
	served = /** @type {INodeType} */ (nodeTypes.getByName('n8n-nodes-wooshpay.wooshPay')).description.properties;
});

/**
 * Where a property is, for the failure message: its name, and at the top level the resources and
 * operations it is shown for (several top-level properties share a name, such as updateFields).
 * @param {INodeProperties} property
 */
function placeOf(property) {
	const show = property.displayOptions?.show;
	const shownFor = [show?.resource, show?.operation].filter(Boolean).map((values) => (/** @type {unknown[]} */ (values)).join('/'));
	return shownFor.length ? `${property.name} (${shownFor.join(' ')})` : property.name;
}

/**
 * Names held twice by one list: "<where>: <name> ×2".
 * @param {Array<{ name: string }>} list
 * @param {string} where
 */
function twice(list, where) {
	/** @type {Map<string, number>} */
	const counts = new Map();
	for (const { name } of list) counts.set(name, (counts.get(name) ?? 0) + 1);
	return [...counts].filter(([, n]) => n > 1).map(([name, n]) => `${where}: ${name} ×${n}`);
}

/**
 * Every collection and fixedCollection among `properties`, at any depth, that holds two options
 * (or, in a fixedCollection's option, two values) with one name.
 * @param {INodeProperties[]} properties
 * @param {string} [where]
 * @returns {string[]}
 */
function duplicateNames(properties, where = '') {
	return properties.flatMap((property) => {
		const here = where ? `${where} → ${property.name}` : placeOf(property);
		if (property.type === 'collection') {
			const options = /** @type {INodeProperties[]} */ (property.options ?? []);
			return [...twice(options, here), ...duplicateNames(options, here)];
		}
		if (property.type === 'fixedCollection') {
			const options = /** @type {INodePropertyCollection[]} */ (property.options ?? []);
			return [
				...twice(options, here),
				...options.flatMap((option) => [...twice(option.values, `${here} → ${option.name}`), ...duplicateNames(option.values, `${here} → ${option.name}`)]),
			];
		}
		return [];
	});
}

/** @param {string} name */
const topLevel = (name) => served.filter((property) => property.name === name);

describe('the node as n8n serves it', () => {
	test('no collection or fixedCollection, at any depth, holds two options (or values) with one name', () => {
		expect(served.length).toBeGreaterThan(100);
		expect(duplicateNames(served)).toEqual([]);
	});

	test("Options: one collection named options, shown for every operation, with exactly README's rows in the editor's order", () => {
		expect(topLevel('options').map(placeOf)).toEqual(['options']);
		const [options] = topLevel('options');
		expect({ displayName: options.displayName, type: options.type, displayOptions: options.displayOptions, isNodeSetting: options.isNodeSetting }).toEqual({
			displayName: 'Options',
			type: 'collection',
			displayOptions: undefined,
			isNodeSetting: undefined,
		});
		// The editor's Add Option list shows a collection's options in the order they are given
		// (n8n's CollectionParameter, filtered by their displayOptions only).
		const fields = /** @type {INodeProperties[]} */ (options.options);
		// README's rows: Option | Default | What it does.
		const rows = readmeTable('Options and bulk runs', '| Option | Default |').map(([option, byDefault]) => ({ option, default: byDefault }));
		expect(fields.map((field) => field.displayName)).toEqual(rows.map((row) => row.option));
		// Each default as README gives it: a number first in its cell, a switch as on or off.
		for (const [index, field] of fields.entries()) {
			const cell = rows[index].default;
			if (field.type === 'number') expect(cell.split(' ')[0]).toBe(String(field.default));
			if (field.type === 'boolean') expect(cell).toBe(field.default ? 'on' : 'off');
		}
	});

	test("n8n's own Request Options: the collection requestOptions in Settings, with exactly Batching, Ignore SSL Issues (Insecure), Proxy, Timeout, as README names them", () => {
		expect(topLevel('requestOptions').map(placeOf)).toEqual(['requestOptions']);
		const [requestOptions] = topLevel('requestOptions');
		expect({ displayName: requestOptions.displayName, type: requestOptions.type, isNodeSetting: requestOptions.isNodeSetting }).toEqual({
			displayName: 'Request Options',
			type: 'collection',
			isNodeSetting: true,
		});
		const names = (/** @type {INodeProperties[]} */ (requestOptions.options)).map((option) => option.displayName);
		expect(names).toEqual(['Batching', 'Ignore SSL Issues (Insecure)', 'Proxy', 'Timeout']);
		const paragraph = readmeParagraph("n8n adds its own **Request Options**");
		expect(paragraph).toContain("node's **Settings** tab");
		const named = [...paragraph.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1]).filter((bold) => names.includes(bold));
		expect(named).toEqual(names);
	});
});

test('the duplicate check finds two options with one name deep down: in a collection in a fixedCollection value', () => {
	/** @type {INodeProperties[]} */
	const properties = [
		{
			displayName: 'Outer',
			name: 'outer',
			type: 'fixedCollection',
			default: {},
			displayOptions: { show: { resource: ['card'] } },
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Inner',
							name: 'inner',
							type: 'collection',
							default: {},
							options: [
								{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 1 },
								{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 2 },
							],
						},
					],
				},
			],
		},
	];
	expect(duplicateNames(properties)).toEqual(['outer (card) → item → inner: timeout ×2']);
});
