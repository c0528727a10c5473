import type { INodeProperties } from 'n8n-workflow';

import { cardLocator, cardholderLocator, filterLocator, showFor } from '../../shared/descriptions';
import { createdFilters, listFilters, returnAllAndLimit } from '../../shared/lists';
import { query } from '../../shared/routing';
import { filterId } from '../../shared/validation';

const displayOptions = showFor('transaction', ['getAll']);

/**
 * Transaction → Get Many: GET /v1/issuing/transactions with the query parameters the page
 * "List all transactions" declares, following `has_more` and `starting_after` (listAll).
 */
export const transactionGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('transaction'),
	listFilters(displayOptions, [
		filterLocator(cardLocator, {
			name: 'card',
			description: 'Only the transactions of this card',
			routing: query('card', 'Filters → Card', filterId),
		}),
		filterLocator(cardholderLocator, {
			name: 'cardholder',
			description: "Only the transactions of this cardholder's cards",
			routing: query('cardholder', 'Filters → Cardholder', filterId),
		}),
		...createdFilters('transactions'),
	]),
];
