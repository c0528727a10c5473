// @ts-check
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const { nodeTypes, packageLoaded } = require('../harness/engine');
const { readmeTable } = require('../harness/readme');
const { idInPath, idInPathCheck } = require('../../dist/nodes/WooshPay/shared/routing');
const { listAll, sendToWooshPay, throwWooshPayError } = require('../../dist/nodes/WooshPay/shared/transport');
/** @import { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow' */

/**
 * How each request travels, read from the description as n8n serves it (loaded from dist/ by
 * n8n-core's package loader): every operation of every resource carries its own method, URL,
 * request operation, `paginate: true` and the error check first (route() in
 * shared/routing.ts), and an ID reaches a URL only through idInPath, checked by its locator.
 */
let served = /** @type {INodeProperties[]} */ ([]);
beforeAll(async () => {
	await packageLoaded;
	served = /** @type {INodeType} */ (nodeTypes.getByName('n8n-nodes-wooshpay.wooshPay')).description.properties;
});

/** Every resource's Operation property, with the resource it is shown for. */
function operationsByResource() {
	return served
		.filter((property) => property.name === 'operation')
		.map((property) => {
			const resources = /** @type {string[]} */ (property.displayOptions?.show?.resource);
			expect(resources).toHaveLength(1);
			return { resource: resources[0], operations: /** @type {INodePropertyOptions[]} */ (property.options) };
		});
}

/**
 * The node's request operations are made by two factories in transport.ts (requestOperation:
 * sendToWooshPay, sendMoneyMovement, sendMoneyMovementIf; listRequest: listAll,
 * listAllSimplified); each factory's request operations share one function's source.
 * @param {unknown} operation
 */
const isRequestOperation = (operation) =>
	typeof operation === 'function' && [sendToWooshPay, listAll].some((made) => made.toString() === operation.toString());

/** The source of idInPathCheck's check, which every locator whose value goes into a URL has. */
const ID_CHECK_SOURCE = idInPathCheck('Label', 'name').send?.preSend?.[0].toString();

/** The parameter names idInPath puts into `url`, and what is left of it without them. @param {string} url */
function idsIn(url) {
	const [before, after] = idInPath('\0').split('\0');
	/** @param {string} text */
	const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`${escape(before)}([A-Za-z]+)${escape(after)}`, 'g');
	return { names: [...url.matchAll(pattern)].map((match) => match[1]), rest: url.replace(pattern, '{id}') };
}

/**
 * README's Operations table: "Resource | Operation | METHOD path", each operation's name without
 * the note in brackets (such as "Get Many (of a customer)").
 */
function readmeOperations() {
	return readmeTable('Operations', '| Resource | Operation | Request |').map(
		([resource, operation, request]) => `${resource} | ${operation.replace(/ \(.*\)$/, '')} | ${/^`([^`]+)`/.exec(request)?.[1]}`,
	);
}

test("the operations as served are README's Operations table, row for row: resource, operation, method and path", () => {
	const resource = /** @type {INodeProperties} */ (served.find((property) => property.name === 'resource'));
	const resourceNames = new Map(/** @type {INodePropertyOptions[]} */ (resource.options).map((option) => [option.value, option.name]));
	const rows = operationsByResource().flatMap(({ resource: value, operations }) =>
		operations.map((operation) => {
			const request = /** @type {{ method?: string; url?: string } | undefined} */ (operation.routing?.request);
			return `${resourceNames.get(value)} | ${operation.name} | ${request?.method} ${idsIn(String(request?.url)).rest.replace(/^=/, '')}`;
		}),
	);
	expect([...new Set(operationsByResource().map((o) => o.resource))].sort()).toEqual([...resourceNames.keys()].sort());
	expect(rows.sort()).toEqual(readmeOperations().sort());
});

test('every operation of every resource, as served, has its method and URL, its request operation, paginate: true and the error check first', () => {
	const problems = [];
	let count = 0;
	for (const { resource, operations } of operationsByResource()) {
		for (const operation of operations) {
			count++;
			const where = `${resource} → ${operation.value}`;
			const routing = operation.routing;
			const request = /** @type {{ method?: string; url?: string } | undefined} */ (routing?.request);
			if (!request?.method || !/^(GET|POST|DELETE)$/.test(request.method)) problems.push(`${where}: method ${request?.method}`);
			if (typeof request?.url !== 'string' || !/^=?\/v1\//.test(request.url)) problems.push(`${where}: url ${request?.url}`);
			if (!isRequestOperation(routing?.operations?.pagination)) problems.push(`${where}: operations.pagination is not one of the node's request operations`);
			if (routing?.send?.paginate !== true) problems.push(`${where}: send.paginate is ${routing?.send?.paginate}`);
			if (routing?.output?.postReceive?.[0] !== throwWooshPayError) problems.push(`${where}: postReceive does not start with throwWooshPayError`);
		}
	}
	expect(problems).toEqual([]);
	expect(count).toBe(readmeOperations().length);
});

test('every URL with an ID takes it through idInPath, and the locator it names is shown for that operation with its own check (idInPathCheck)', () => {
	const problems = [];
	let withId = 0;
	for (const { resource, operations } of operationsByResource()) {
		for (const operation of operations) {
			const where = `${resource} → ${operation.value}`;
			const url = String(/** @type {{ url?: string }} */ (operation.routing?.request)?.url);
			const { names, rest } = idsIn(url);
			// Nothing but idInPath's expression may put a value into the URL.
			if (/[{}$]/.test(rest.replace(/\{id\}/g, ''))) problems.push(`${where}: ${url} has an expression that is not idInPath's`);
			if (url.startsWith('=') !== names.length > 0) problems.push(`${where}: ${url} is an expression without an ID, or an ID without "="`);
			for (const name of names) {
				withId++;
				const locators = served.filter(
					(property) =>
						property.name === name &&
						/** @type {unknown[] | undefined} */ (property.displayOptions?.show?.resource)?.includes(resource) &&
						/** @type {unknown[] | undefined} */ (property.displayOptions?.show?.operation)?.includes(operation.value),
				);
				if (locators.length !== 1) {
					problems.push(`${where}: ${locators.length} properties ${name} shown for it`);
					continue;
				}
				const checks = (locators[0].routing?.send?.preSend ?? []).filter((preSend) => preSend.toString() === ID_CHECK_SOURCE);
				if (checks.length !== 1) problems.push(`${where}: ${name} has ${checks.length} idInPathCheck checks`);
				if (locators[0].required !== true) problems.push(`${where}: ${name} is not required`);
			}
		}
	}
	expect(problems).toEqual([]);
	expect(withId).toBeGreaterThan(30);
});

/**
 * The side channels issue 18 removed stay out: labels through a WeakMap, retry facts in
 * `context.wooshPay`, the property list computed by oneCollectionPerKind. Checked here rather
 * than by a grep in npm test's script: it runs wherever the tests run (no grep needed, the same
 * on every platform), names file and line, and sits beside the routing checks it belongs to.
 */
test('grep -rn "WeakMap\\|context\\.wooshPay\\|oneCollectionPerKind" nodes finds nothing', () => {
	const root = path.join(__dirname, '../../nodes');
	/** @param {string} dir @returns {string[]} */
	const filesIn = (dir) =>
		fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
	const files = filesIn(root);
	expect(files.length).toBeGreaterThan(50);
	const found = files.flatMap((file) =>
		fs
			.readFileSync(file, 'utf8')
			.split('\n')
			.flatMap((line, index) => (/WeakMap|context\.wooshPay|oneCollectionPerKind/.test(line) ? [`${path.relative(root, file)}:${index + 1}: ${line.trim()}`] : [])),
	);
	expect(found).toEqual([]);
});
