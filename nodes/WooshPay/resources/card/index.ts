import type { INodeProperties } from 'n8n-workflow';

import { cardLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { listAll } from '../../shared/transport';
import { cardGetAllDescription } from './getAll';
import { cardUpdateDescription } from './update';

/**
 * Issuing cards. WooshPay's reference also lists "Create a card", but its page could not be
 * read, so the node does not offer it (README, "What is inferred").
 */
export const cardDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['card'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a card',
				description: "Fetch a card's details (without the full card number and CVC) by the card's ID",
				routing: route({ method: 'GET', url: `=/v1/issuing/cards/${idInPath('cardId')}` }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cards',
				description: 'List issued cards, newest first, optionally only those of one cardholder',
				routing: route({ method: 'GET', url: '/v1/issuing/cards' }, { send: listAll }),
			},
			{
				name: 'Get Remaining Limits',
				value: 'getLimits',
				action: 'Get remaining limits of a card',
				description: "How much of each spending limit is left on a card, by the card's ID",
				routing: route({ method: 'GET', url: `=/v1/issuing/cards/${idInPath('cardId')}/limits` }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a card',
				description: "Freeze, reactivate or cancel a card, or change its metadata, by the card's ID",
				routing: route({ method: 'POST', url: `=/v1/issuing/cards/${idInPath('cardId')}` }),
			},
		],
		default: 'update',
	},
	{ ...cardLocator, displayOptions: showFor('card', ['get', 'getLimits', 'update']) },
	...cardGetAllDescription,
	...cardUpdateDescription,
];
