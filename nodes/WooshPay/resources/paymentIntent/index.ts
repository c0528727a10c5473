import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { listAll, sendMoneyMovementIf } from '../../shared/transport';
import { paymentIntentCreateDescription, requiredWithParent } from './create';
import { paymentIntentLocator } from './get';
import { paymentIntentGetAllDescription } from './getAll';
import { paymentIntentSearchDescription } from './search';

/**
 * Payment intents. Get's path, GET /v1/payment_intents/{id}, is known from WooshPay's client
 * code, not from its page "Retrieve a PaymentIntent", which could not be read (README, "What is
 * inferred"); Search finds one by your order number.
 */
export const paymentIntentDescription: INodeProperties[] = [
	{
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
				description: 'Start collecting a payment of an amount in a currency; with Confirm, the customer is charged at once',
				// Created with `confirm`, it charges the customer: a money movement (transport.ts).
				routing: route(
					{ method: 'POST', url: '/v1/payment_intents' },
					{ send: sendMoneyMovementIf((body) => body.confirm === true), preSend: [requiredWithParent] },
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment intent',
				description: "Fetch a payment intent's details and status by its ID (pi_...)",
				routing: route({ method: 'GET', url: `=/v1/payment_intents/${idInPath('paymentIntentId')}` }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many payment intents',
				description: 'List payment intents, newest first, optionally by creation time',
				routing: route({ method: 'GET', url: '/v1/payment_intents' }, { send: listAll }),
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search payment intents',
				description: "Find payment intents with WooshPay's search query, such as by your order number (merchant_order_id)",
				routing: route(
					{ method: 'GET', url: '/v1/payment_intents/search' },
					// One page (the reference shows `limit`, no way to ask for the next); each payment
					// intent of the answer's `data` becomes an output item.
					{ postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
				),
			},
		],
		default: 'search',
	},
	...paymentIntentCreateDescription,
	{ ...paymentIntentLocator, displayOptions: showFor('paymentIntent', ['get']) },
	...paymentIntentGetAllDescription,
	...paymentIntentSearchDescription,
];
