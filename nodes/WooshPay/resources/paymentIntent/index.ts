import type { INodeProperties } from 'n8n-workflow';

import { listRouting } from '../../shared/lists';
import { paymentIntentCreateDescription, requiredWithParent } from './create';
import { paymentIntentGetAllFilters } from './getAll';
import { paymentIntentSearchDescription } from './search';

/**
 * Payment intents. No Get: WooshPay's "Retrieve a PaymentIntent" page could not be read (its
 * path is known only from client code), so the node does not offer it; Search finds one by
 * your order number instead.
 */
export const paymentIntentOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['paymentIntent'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			action: 'Create a payment intent',
			description: 'Start collecting a payment',
			routing: { request: { method: 'POST', url: '/v1/payment_intents' }, send: { preSend: [requiredWithParent] } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many payment intents',
			description: 'List payment intents, newest first',
			routing: listRouting('/v1/payment_intents'),
		},
		{
			name: 'Search',
			value: 'search',
			action: 'Search payment intents',
			description: "Find payment intents with WooshPay's search query, such as by your order number",
			routing: {
				request: { method: 'GET', url: '/v1/payment_intents/search' },
				// One page (the reference shows `limit`, no way to ask for the next); each payment
				// intent of the answer's `data` becomes an output item.
				output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
			},
		},
	],
	default: 'search',
};

/** The fields of the payment intent operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const paymentIntentFields: INodeProperties[] = [
	...paymentIntentCreateDescription,
	paymentIntentGetAllFilters,
	...paymentIntentSearchDescription,
];
