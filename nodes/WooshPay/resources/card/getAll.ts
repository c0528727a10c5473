import type { INodeProperties } from 'n8n-workflow';

import { cardholderLocator, filterLocator, showFor } from '../../shared/descriptions';
import { createdFilters, listFilters, returnAllAndLimit } from '../../shared/lists';
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
export const cardGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('card'),
	listFilters(displayOptions, [
		filterLocator(cardholderLocator, {
			name: 'cardholder',
			description: 'Only the cards of this cardholder',
			routing: query('cardholder', 'Filters → Cardholder', filterId),
		}),
		...createdFilters('cards'),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'virtual',
			description: 'Only cards of this type',
			options: TYPE_OPTIONS,
			routing: query('type', 'Filters → Type', oneOf(TYPE_OPTIONS)),
		},
	]),
];
