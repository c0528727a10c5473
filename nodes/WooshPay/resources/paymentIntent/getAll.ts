import type { INodeProperties } from 'n8n-workflow';

import { bodyOnGet } from '../../shared/bodyOnGet';
import { showFor } from '../../shared/descriptions';
import { createdFilters, listFilters, returnAllAndLimit } from '../../shared/lists';
import { unixSeconds } from '../../shared/validation';

const displayOptions = showFor('paymentIntent', ['getAll']);

/**
 * Payment Intent → Get Many: GET /v1/payment_intents (reference page "List all
 * PaymentIntents"), following `has_more` and `starting_after` page by page. The page declares
 * its parameters as a JSON body on the GET; bodyOnGet says how the node sends them.
 */
export const paymentIntentGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('paymentIntent'),
	listFilters(
		displayOptions,
		createdFilters('payment intents', (bound, label) => bodyOnGet(`created.${bound}`, label, unixSeconds)),
	),
];
