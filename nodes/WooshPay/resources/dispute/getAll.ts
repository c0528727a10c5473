import type { INodeProperties } from 'n8n-workflow';

import { bodyOnGet } from '../../shared/bodyOnGet';
import { showFor } from '../../shared/descriptions';
import { createdFilters, listFilters, returnAllAndLimit } from '../../shared/lists';
import { requiredText, unixSeconds } from '../../shared/validation';

const displayOptions = showFor('dispute', ['getAll']);

/**
 * Dispute → Get Many: GET /v1/disputes/list (reference page "List all disputes", whose path ends
 * in /list), newest first, following `has_more` and `starting_after` (listAll). The page
 * declares its parameters as a JSON body on the GET; bodyOnGet says how the node sends them.
 */
export const disputeGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('dispute'),
	listFilters(displayOptions, [
		{
			displayName: 'Charge ID',
			name: 'charge',
			type: 'string',
			default: '',
			placeholder: 'ch_1787731245694324736',
			description: 'Only the disputes of this charge',
			routing: bodyOnGet('charge', 'Filters → Charge ID', requiredText),
		},
		...createdFilters('disputes', (bound, label) => bodyOnGet(`created.${bound}`, label, unixSeconds)),
		{
			displayName: 'Payment Intent ID',
			name: 'paymentIntent',
			type: 'string',
			default: '',
			placeholder: 'pi_1787731245694324736',
			description: 'Only the disputes of this payment intent',
			routing: bodyOnGet('payment_intent', 'Filters → Payment Intent ID', requiredText),
		},
	]),
];
