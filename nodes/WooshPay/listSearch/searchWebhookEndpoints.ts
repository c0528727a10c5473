import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ListSearch } from './searchList';
import { searchList, unlessUsual } from './searchList';

interface WebhookEndpoint {
	id: string;
	url?: string;
	description?: string | null;
	status?: string;
}

const webhookEndpoints: ListSearch<WebhookEndpoint> = {
	url: '/v1/webhook_endpoints',
	name: (e) => `${e.url ?? e.id}${unlessUsual(e.status, 'enabled')}`,
	searchIn: (e) => [e.url, e.description],
};

/**
 * Webhook endpoints for the "From List" mode of the Webhook Endpoint field: their addresses,
 * marked when disabled. A search term filters the page by address, description or ID.
 */
export async function searchWebhookEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(this, webhookEndpoints, filter, paginationToken);
}
