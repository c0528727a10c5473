import type { INodeProperties } from 'n8n-workflow';

import { listOrIdLocator, showFor } from '../../shared/descriptions';
import { returnAllAndLimit } from '../../shared/lists';
import { idInPath, route } from '../../shared/routing';
import { listAll } from '../../shared/transport';

const webhookEndpointLocator = listOrIdLocator('Webhook Endpoint', 'webhookEndpointId', 'searchWebhookEndpoints', 'we_1600745739909070848');

/**
 * Webhook endpoints: the addresses WooshPay sends events to, such as the ones WooshPay Triggers
 * register. Get and Get Many, to see what is registered (reference pages "Retrieve a Webhook",
 * "List All Webhooks"); Delete's path could not be read, so delete in the dashboard.
 */
export const webhookEndpointDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhookEndpoint'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a webhook endpoint',
				description: "Fetch a webhook endpoint's address, events and status by its ID (we_...)",
				routing: route({ method: 'GET', url: `=/v1/webhook_endpoints/${idInPath('webhookEndpointId')}` }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many webhook endpoints',
				description: 'List the webhook endpoints of the account, newest first',
				routing: route({ method: 'GET', url: '/v1/webhook_endpoints' }, { send: listAll }),
			},
		],
		default: 'getAll',
	},
	{ ...webhookEndpointLocator, displayOptions: showFor('webhookEndpoint', ['get']) },
	...returnAllAndLimit('webhookEndpoint'),
];
