import type { INodeProperties } from 'n8n-workflow';

import { cardholderLocator, filterLocator, showFor } from '../../shared/descriptions';
import { createdFilters, listFilters } from '../../shared/lists';
import { query } from '../../shared/routing';
import { filterId, oneOf } from '../../shared/validation';

const displayOptions = showFor('card', ['getAll']);

const TYPE_OPTIONS = [
	{ name: 'Physical', value: 'physical' },
	{ name: 'Virtual', value: 'virtual' },
];

/**
 * Card → Get Many: GET /v1/issuing/cards, newest first, with the query parameters the page
 * "List all cards" declares, following `has_more` and `starting_after` (listAll).
 */
export const cardGetAllFilters: INodeProperties = listFilters(displayOptions, [
	{
		...filterLocator(cardholderLocator, 'cardholder', 'Only the cards of this cardholder'),
		routing: query('cardholder', filterId),
	},
	...createdFilters('cards'),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'virtual',
		description: 'Only cards of this type',
		options: TYPE_OPTIONS,
		routing: query('type', oneOf(TYPE_OPTIONS)),
	},
]);
