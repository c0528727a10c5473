import type { INodeProperties } from 'n8n-workflow';

import { cardLocator, showFor } from '../../shared/descriptions';
import { listRouting } from '../../shared/lists';
import { urlWithId } from '../../shared/routing';
import { cardGetAllFilters } from './getAll';
import { cardUpdateDescription } from './update';

const showOnlyForCards = { show: { resource: ['card'] } };

/** Get, Update and Get Remaining Limits work on one card: its ID goes into the URL. */
const oneCard = urlWithId(cardLocator, '/v1/issuing/cards/{id}');
const oneCardsLimits = urlWithId(cardLocator, '/v1/issuing/cards/{id}/limits');

/**
 * Issuing cards. WooshPay's reference also lists "Create a card", but its page could not be
 * read, so the node does not offer it (README, "What is inferred").
 */
export const cardOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: showOnlyForCards,
	options: [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a card',
			description: "Fetch a card's details (without the full card number and CVC)",
			routing: { request: { method: 'GET' }, send: { preSend: [oneCard] } },
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many cards',
			description: 'List cards, newest first',
			routing: listRouting('/v1/issuing/cards'),
		},
		{
			name: 'Get Remaining Limits',
			value: 'getLimits',
			action: 'Get remaining limits of a card',
			description: 'How much of each spending limit is left on a card',
			routing: { request: { method: 'GET' }, send: { preSend: [oneCardsLimits] } },
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a card',
			description: 'Freeze, reactivate or cancel a card, or change its metadata',
			routing: { request: { method: 'POST' }, send: { preSend: [oneCard] } },
		},
	],
	default: 'update',
};

/** The fields of the card operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const cardFields: INodeProperties[] = [
	{ ...cardLocator, displayOptions: showFor('card', ['get', 'getLimits', 'update']) },
	cardGetAllFilters,
	...cardUpdateDescription,
];
