import type { INodeProperties } from 'n8n-workflow';

import { listRouting } from '../../shared/lists';
import { urlWithId } from '../../shared/routing';
import { paymentIntentCreateDescription, requiredWithParent } from './create';
import { paymentIntentGetDescription, paymentIntentLocator } from './get';
import { paymentIntentGetAllFilters } from './getAll';
import { paymentIntentSearchDescription } from './search';

/**
 * Payment intents. Get's path, GET /v1/payment_intents/{id}, is known from WooshPay's client
 * code, not from its page "Retrieve a PaymentIntent", which could not be read (README, "What is
 * inferred"); Search finds one by your order number.
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
			name: 'Get',
			value: 'get',
			action: 'Get a payment intent',
			description: "Fetch a payment intent's details and status (path from WooshPay's client code: its page could not be read)",
			routing: {
				request: { method: 'GET' },
				send: {
					// GET /v1/payment_intents/search is the search: "search" in the ID's place would reach it.
					preSend: [urlWithId(paymentIntentLocator, '/v1/payment_intents/{id}', { word: 'search', fix: "Enter the payment intent's ID (pi_...); to find payment intents, use Payment Intent → Search." })],
				},
			},
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
	...paymentIntentGetDescription,
	paymentIntentGetAllFilters,
	...paymentIntentSearchDescription,
];
