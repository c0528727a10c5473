import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { listFilters, returnAllAndLimit } from '../../shared/lists';
import { query } from '../../shared/routing';
import { oneOf } from '../../shared/validation';
import { PAYMENT_METHOD_OPTIONS } from '../paymentIntent/fields';

/**
 * Payment Method → Get Many of Customer: GET /v1/customers/{id}/payment_methods (reference page
 * "List a Customer's PaymentMethods"), with `type` and, from listAll, `limit` and
 * `starting_after` in the query string. The page types `limit` as a string: in a query string
 * both look the same.
 */
export const paymentMethodGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('paymentMethod'),
	listFilters(showFor('paymentMethod', ['getAll']), [
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'card',
			description: 'Only payment methods of this kind',
			options: PAYMENT_METHOD_OPTIONS,
			routing: query('type', 'Filters → Type', oneOf(PAYMENT_METHOD_OPTIONS)),
		},
	]),
];
