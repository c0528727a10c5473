import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { query } from '../../shared/routing';
import { pageSize, requiredText } from '../../shared/validation';

const displayOptions = showFor('paymentIntent', ['search']);

/**
 * Payment Intent → Search: GET /v1/payment_intents/search (reference page "Search
 * PaymentIntents"), with `query` and `limit` in the query string as the page declares them.
 */
export const paymentIntentSearchDescription: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: "merchant_order_id:'order1234'",
		description:
			"WooshPay's search query: a field, a colon and the value in single quotes, such as merchant_order_id:'order1234' to find the payment of your order order1234. That is the form WooshPay's reference shows. Other fields (status:'succeeded', customer:'cus_123') and AND / OR between clauses work the way Stripe's search language does; WooshPay does not document them (inferred).",
		hint: "Map a value with an expression, such as merchant_order_id:'{{ $json.orderId }}'",
		displayOptions,
		routing: query('query', 'Query', requiredText),
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		hint: 'At most 100: WooshPay answers a search with one page. Narrow the query to find more.',
		displayOptions,
		routing: query('limit', 'Limit', pageSize),
	},
];
