// @ts-check
'use strict';

/**
 * Runs n8n's HTTP Request node (n8n-nodes-base, v4.x) through the same engine set-up as our
 * node: test/harness/engine.js, with the HTTP Request node registered as another node type.
 */
/**
 * @import {
 *   ICredentialDataDecryptedObject,
 *   IDataObject,
 *   INodeType,
 *   IVersionedNodeType,
 * } from 'n8n-workflow'
 */

const { CREDENTIAL_TYPE } = require('../dist/nodes/WooshPay/shared/transport');
const { nodeTypes, packageLoaded, registerNodeType, runNode } = require('../test/harness/engine');

// n8n-nodes-base has no index of its nodes; the node's own module is what n8n loads too.
const { HttpRequest } = /** @type {{ HttpRequest: new () => IVersionedNodeType }} */ (require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node'));

const httpRequestType = new HttpRequest();
/** What the editor gives a new HTTP Request node. */
const HTTP_REQUEST_VERSION = httpRequestType.description.defaultVersion ?? 4.2;

registerNodeType('n8n-nodes-base.httpRequest', httpRequestType);

/**
 * @typedef {object} HttpRequestRunOptions
 * @property {IDataObject} parameters
 * @property {IDataObject[]} items
 * @property {ICredentialDataDecryptedObject} credentials The `httpBasicAuth` credential's data: `{user, password}`. The node applies it itself.
 * @property {string} executionId
 */

/**
 * Runs "Test Trigger → HTTP Request" in n8n's engine; returns the run and the node's output.
 * @param {HttpRequestRunOptions} options
 */
async function runHttpRequestNode(options) {
	return await runNode({
		...options,
		nodeType: { type: 'n8n-nodes-base.httpRequest', typeVersion: HTTP_REQUEST_VERSION, credentialType: 'httpBasicAuth' },
	});
}

/** Our node as the test harness loaded it (n8n-core's package loader on the built package). @returns {INodeType} */
function loadedNode() {
	return /** @type {INodeType} */ (nodeTypes.getByName('n8n-nodes-wooshpay.wooshPay'));
}

/**
 * Our node as it is, but with only the properties of its first release (0.1.0): the Resource
 * list cut to Customer and Cardholder, and the properties shown for other resources left out.
 * The code is the same, so the difference in CPU per item between the two is what the node's
 * size costs: n8n's engine walks every top-level property of a declarative node twice per item
 * (RoutingNode.runNode and resolveBaseUrl), shown or not.
 * @returns {INodeType}
 */
function firstReleaseNode() {
	// Another node of its class, with the loaded description (as n8n's loader left it) cut down.
	const loaded = loadedNode();
	const node = new (/** @type {new () => INodeType} */ (loaded.constructor))();
	const kept = ['customer', 'cardholder'];
	/** @param {unknown} resources */
	const forKept = (resources) => !Array.isArray(resources) || resources.some((r) => kept.includes(/** @type {string} */ (r)));
	node.description = {
		...loaded.description,
		properties: loaded.description.properties
			.filter((property) => forKept(property.displayOptions?.show?.resource))
			.map((property) =>
				property.name === 'resource' ? { ...property, options: property.options?.filter((o) => 'value' in o && kept.includes(/** @type {string} */ (o.value))) } : property,
			),
	};
	return node;
}

const FIRST_RELEASE_TYPE = 'n8n-nodes-wooshpay.wooshPayFirstRelease';
/** Registered as soon as the package is loaded, in every worker alike (the memory baselines). */
const firstReleaseRegistered = packageLoaded.then(() => registerNodeType(FIRST_RELEASE_TYPE, firstReleaseNode()));
firstReleaseRegistered.catch(() => {}); // reported where it is awaited

/**
 * Runs our node with only its first release's properties (see firstReleaseNode).
 * @param {Omit<HttpRequestRunOptions, 'credentials'> & { credentials: ICredentialDataDecryptedObject }} options
 */
async function runFirstReleaseNode(options) {
	await firstReleaseRegistered;
	return await runNode({ ...options, nodeType: { type: FIRST_RELEASE_TYPE, typeVersion: 1, credentialType: CREDENTIAL_TYPE } });
}

/** How many top-level properties the engine walks per item: our node now, and with the first release's. */
async function propertyCounts() {
	await packageLoaded;
	return { now: loadedNode().description.properties.length, firstRelease: firstReleaseNode().description.properties.length };
}

module.exports = { HTTP_REQUEST_VERSION, runHttpRequestNode, runFirstReleaseNode, propertyCounts };
