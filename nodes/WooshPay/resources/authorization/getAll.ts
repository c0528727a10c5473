import type { INodeProperties } from 'n8n-workflow';

import { cardLocator, cardholderLocator, filterLocator, showFor } from '../../shared/descriptions';
import { createdFilters, listFilters, returnAllAndLimit } from '../../shared/lists';
import { query } from '../../shared/routing';
import { filterId, text } from '../../shared/validation';

const displayOptions = showFor('authorization', ['getAll']);

/**
 * Authorization → Get Many: GET /v1/issuing/authorizations with the query parameters the page
 * "List all authorization" declares, following `has_more` and `starting_after` (listAll).
 */
export const authorizationGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('authorization'),
	listFilters(displayOptions, [
		filterLocator(cardLocator, {
			name: 'card',
			description: 'Only the authorizations of this card',
			routing: query('card', 'Filters → Card', filterId),
		}),
		filterLocator(cardholderLocator, {
			name: 'cardholder',
			description: "Only the authorizations of this cardholder's cards",
			routing: query('cardholder', 'Filters → Cardholder', filterId),
		}),
		...createdFilters('authorizations'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'string',
			default: '',
			placeholder: 'pending',
			description:
				"Only authorizations with this status. WooshPay's page names the filter but not its values; Stripe's, which WooshPay follows elsewhere, are pending, closed and reversed.",
			routing: query('status', 'Filters → Status', text),
		},
	]),
];
