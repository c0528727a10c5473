/**
 * Runs n8n's HTTP Request node (n8n-nodes-base, v4.x) through the same engine set-up as our
 * node: test/harness/engine.ts, with the HTTP Request node registered as another node type.
 */
import type { ICredentialDataDecryptedObject, IDataObject, IVersionedNodeType } from 'n8n-workflow';

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
