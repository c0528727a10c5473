/**
 * Runs n8n's HTTP Request node (n8n-nodes-base, v4.x) through the same engine set-up as our
 * node: test/harness/engine.ts, with the HTTP Request node registered as another node type.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { WooshPay } from '../nodes/WooshPay/WooshPay.node';
import { CREDENTIAL_TYPE } from '../nodes/WooshPay/shared/transport';
import { registerNodeType, runNode } from '../test/harness/engine';

// n8n-nodes-base has no index of its nodes; the node's own module is what n8n loads too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { HttpRequest } = require('n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node') as {
	HttpRequest: new () => IVersionedNodeType;
};

const httpRequestType = new HttpRequest();
/** What the editor gives a new HTTP Request node. */
export const HTTP_REQUEST_VERSION = httpRequestType.description.defaultVersion ?? 4.2;

registerNodeType('n8n-nodes-base.httpRequest', httpRequestType);

export interface HttpRequestRunOptions {
	parameters: IDataObject;
	items: IDataObject[];
	/** The `httpBasicAuth` credential's data: `{user, password}`. The node applies it itself. */
	credentials: ICredentialDataDecryptedObject;
	executionId: string;
}

/** Runs "Test Trigger → HTTP Request" in n8n's engine; returns the run and the node's output. */
export async function runHttpRequestNode(options: HttpRequestRunOptions) {
	return await runNode({
		...options,
		nodeType: { type: 'n8n-nodes-base.httpRequest', typeVersion: HTTP_REQUEST_VERSION, credentialType: 'httpBasicAuth' },
	});
}

/**
 * Our node as it is, but with only the properties of its first release (0.1.0): the Resource
 * list cut to Customer and Cardholder, and the properties shown for other resources left out.
 * The code is the same, so the difference in CPU per item between the two is what the node's
 * size costs: n8n's engine walks every top-level property of a declarative node twice per item
 * (RoutingNode.runNode and resolveBaseUrl), shown or not.
 */
function firstReleaseNode(): INodeType {
	const node = new WooshPay();
	const kept = ['customer', 'cardholder'];
	const forKept = (resources: unknown) => !Array.isArray(resources) || resources.some((r) => kept.includes(r as string));
	// A collection that serves several resources ('/resource' on its fields) becomes one per
	// kept resource again, with that resource's fields, as the first release had them.
	const perResource = (property: INodeProperties): INodeProperties[] => {
		const options = property.options as INodeProperties[] | undefined;
		if (property.type !== 'collection' || !options?.some((o) => o.displayOptions?.show?.['/resource'])) return [property];
		return kept
			.filter((resource) => (property.displayOptions?.show?.resource as string[]).includes(resource))
			.map((resource) => ({
				...property,
				displayOptions: { show: { ...property.displayOptions?.show, resource: [resource] } },
				options: options.filter((o) => (o.displayOptions?.show?.['/resource'] as string[]).includes(resource)),
			}));
	};
	node.description = {
		...node.description,
		properties: node.description.properties
			.filter((property) => forKept(property.displayOptions?.show?.resource))
			.flatMap(perResource)
			.map((property) =>
				property.name === 'resource' ? { ...property, options: property.options?.filter((o) => 'value' in o && kept.includes(o.value as string)) } : property,
			),
	};
	return node;
}

const FIRST_RELEASE_TYPE = 'n8n-nodes-wooshpay.wooshPayFirstRelease';
registerNodeType(FIRST_RELEASE_TYPE, firstReleaseNode());

/** Runs our node with only its first release's properties (see firstReleaseNode). */
export async function runFirstReleaseNode(options: Omit<HttpRequestRunOptions, 'credentials'> & { credentials: ICredentialDataDecryptedObject }) {
	return await runNode({ ...options, nodeType: { type: FIRST_RELEASE_TYPE, typeVersion: 1, credentialType: CREDENTIAL_TYPE } });
}

/** How many top-level properties the engine walks per item: our node now, and with the first release's. */
export const PROPERTY_COUNTS = { now: new WooshPay().description.properties.length, firstRelease: firstReleaseNode().description.properties.length };
