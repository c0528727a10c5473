import type { IDataObject, IHookFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { WooshPayAnswerError } from '../WooshPay/shared/errors';
import { endlessListError, wooshPayRequest } from '../WooshPay/shared/transport';
import { chosenEvents } from './events';
import { enteredSecret, forgetEndpoint, triggerState } from './state';

/**
 * The trigger's endpoint at WooshPay, registered when the workflow is published (or while the
 * editor listens for a test event) and deleted when it is unpublished. n8n calls `checkExists`,
 * then `create` when it answered false; `delete` on unpublish.
 *
 * One endpoint per URL, always: WooshPay delivers every event once per endpoint, so a second
 * endpoint for the same URL would start the workflow twice for each event. The endpoint n8n
 * keeps is the one it created and whose secret it holds, if it still points at this URL with
 * the chosen events and is enabled. Any other endpoint for this URL (left over from an earlier
 * run whose record was lost; its secret can't be had again, so it can't be adopted) is deleted,
 * and so is n8n's own when its URL or events no longer fit: it is then replaced by a new one.
 * Replacing rather than updating needs only the create (seen in WooshPay's docs) and the delete
 * (which unpublishing needs anyway); the update path is not confirmed.
 *
 * With a Signing Secret entered, the endpoint is the user's own (made in the dashboard): n8n
 * registers and deletes nothing, only an endpoint it made itself earlier for this node.
 *
 * Paths: POST /v1/webhook_endpoints and GET /v1/webhook_endpoints are seen in WooshPay's docs;
 * DELETE /v1/webhook_endpoints/{id} is inferred (Stripe-like; the method is seen).
 */

const ENDPOINTS = '/v1/webhook_endpoints';

/** The most endpoints asked for per page of the list. */
const PAGE_SIZE = 100;

/** The list of endpoints stops with an error after this many pages (10,000 endpoints). */
const MAX_PAGES = 100;

interface Endpoint {
	id: string;
	url?: string;
	enabled_events?: string[];
	status?: string;
	secret?: string;
}

async function send(
	this: IHookFunctions,
	method: IHttpRequestMethods,
	url: string,
	extra: { body?: IDataObject; qs?: IDataObject } = {},
): Promise<IDataObject> {
	return await wooshPayRequest.call(this, { method, url, ...extra });
}

/** The URL WooshPay should deliver to and the events it should send, as the node says now. */
function wanted(this: IHookFunctions): { url: string; events: string[] } {
	const node = this.getNode();
	const events = chosenEvents(node, this.getNodeParameter('events', []), this.getNodeParameter('eventsNotListed', ''));
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(node, 'n8n gave no webhook URL for this node');
	return { url, events };
}

/** Every endpoint of the account, page by page; a list that does not end is an error. */
async function listEndpoints(this: IHookFunctions): Promise<Endpoint[]> {
	const found: Endpoint[] = [];
	const cursors = new Set<string>();
	let startingAfter: string | undefined;
	for (let pages = 0; ; pages++) {
		if (pages >= MAX_PAGES) throw endlessListError(this, `the webhook endpoints still had more after ${MAX_PAGES} pages`);
		const qs: IDataObject = { limit: PAGE_SIZE };
		if (startingAfter) qs.starting_after = startingAfter;
		const page = await send.call(this, 'GET', ENDPOINTS, { qs });
		const data = Array.isArray(page.data) ? (page.data as Endpoint[]) : [];
		found.push(...data.filter((endpoint) => typeof endpoint?.id === 'string'));
		const last = data[data.length - 1];
		if (page.has_more !== true || typeof last?.id !== 'string') return found;
		if (cursors.has(last.id)) throw endlessListError(this, `the webhook endpoints came back with ${last.id} last again`);
		cursors.add(last.id);
		startingAfter = last.id;
	}
}

function sameEvents(a: string[] | undefined, b: string[]): boolean {
	const have = [...new Set(a ?? [])].sort();
	return have.length === b.length && have.every((name, i) => name === b[i]);
}

/**
 * Deletes an endpoint. One WooshPay no longer has counts as deleted, but only when WooshPay
 * says so: its JSON error with code resource_missing. Any other failure (a 404 "Unrecognized
 * request URL", a proxy's page) is an error that names the endpoint to delete by hand, and n8n
 * keeps its record: left in place, the endpoint keeps sending events.
 */
async function removeEndpoint(this: IHookFunctions, endpoint: Endpoint): Promise<void> {
	try {
		await send.call(this, 'DELETE', `${ENDPOINTS}/${encodeURIComponent(endpoint.id)}`);
	} catch (error) {
		if (error instanceof WooshPayAnswerError && error.status === 404 && error.code === 'resource_missing') return;
		const reason = error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(this.getNode(), `Could not delete the WooshPay webhook endpoint ${endpoint.id}: ${reason}`, {
			description:
				`Delete the endpoint ${endpoint.id}${endpoint.url ? ` (${endpoint.url})` : ''} in the WooshPay dashboard's webhook settings, ` +
				'or it keeps sending events that n8n refuses. Then publish or unpublish the workflow again.',
		});
	}
}

/** checkExists: whether WooshPay holds exactly the endpoint this node needs (see above). */
export async function endpointExists(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	const { url, events } = wanted.call(this);
	if (enteredSecret(this)) {
		if (state.endpointId) {
			await removeEndpoint.call(this, { id: state.endpointId, url });
			forgetEndpoint(state);
		}
		return true;
	}
	const endpoints = await listEndpoints.call(this);
	const own = endpoints.find((endpoint) => endpoint.id === state.endpointId);
	const keep =
		own && state.signingSecret && own.url === url && own.status === 'enabled' && sameEvents(own.enabled_events, events)
			? own
			: undefined;
	for (const endpoint of endpoints) {
		if (endpoint !== keep && (endpoint === own || endpoint.url === url)) await removeEndpoint.call(this, endpoint);
	}
	if (!keep) forgetEndpoint(state);
	return keep !== undefined;
}

/** create: registers the endpoint and keeps its ID and signing secret. */
export async function createEndpoint(this: IHookFunctions): Promise<boolean> {
	if (enteredSecret(this)) return true;
	const { url, events } = wanted.call(this);
	const workflow = this.getWorkflow();
	const node = this.getNode();
	const test = this.getMode() === 'manual' ? ' (test URL)' : '';
	const created = (await send.call(this, 'POST', ENDPOINTS, {
		body: {
			url,
			enabled_events: events,
			description: `n8n workflow "${workflow.name ?? ''}" (ID ${workflow.id ?? ''}), node "${node.name}"${test}`,
		},
	})) as Partial<Endpoint>;
	if (typeof created.id !== 'string' || typeof created.secret !== 'string' || created.secret === '') {
		if (typeof created.id === 'string') await removeEndpoint.call(this, { id: created.id, url });
		throw new NodeOperationError(node, 'WooshPay registered no usable webhook endpoint: its answer had no ID or no signing secret', {
			description: 'Without the signing secret no delivery can be trusted. Try publishing again; if this repeats, contact WooshPay support.',
		});
	}
	const state = triggerState(this);
	state.endpointId = created.id;
	state.signingSecret = created.secret;
	// Another publish of this workflow at the same moment may have registered one too. Each
	// deletes only the endpoints for this URL listed after its own (WooshPay lists newest
	// first), so that of two the newer is kept: deleting every other one made two publishes
	// delete each other's, leaving none.
	const forUrl = (await listEndpoints.call(this)).filter((endpoint) => endpoint.url === url);
	const own = forUrl.findIndex((endpoint) => endpoint.id === state.endpointId);
	for (const endpoint of own < 0 ? [] : forUrl.slice(own + 1)) await removeEndpoint.call(this, endpoint);
	return true;
}

/** delete: deletes the endpoint n8n registered, if any. */
export async function deleteEndpoint(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	if (!state.endpointId) return true;
	await removeEndpoint.call(this, { id: state.endpointId, url: this.getNodeWebhookUrl('default') });
	forgetEndpoint(state);
	return true;
}
