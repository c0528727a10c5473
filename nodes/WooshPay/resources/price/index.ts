import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';
import { idInPath, requiredWith, route } from '../../shared/routing';
import { priceCreateDescription } from './create';
import { priceUpdateDescription } from './update';

const priceLocator = byIdLocator({
	displayName: 'Price',
	name: 'priceId',
	description: 'The price to work on',
	placeholder: 'price_1787731245694324736',
	hint: 'The ID WooshPay gave the price (price_...)',
});

/** Prices: how much a product costs, once or recurring. */
export const priceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['price'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a price',
				description: 'Add a price of a product (prod_...) or of a new product, once or recurring',
				routing: route(
					{ method: 'POST', url: '/v1/prices' },
					{ preSend: [requiredWith('recurring', 'interval', 'Additional Fields → Recurring → Interval')] },
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a price',
				description: "Fetch a price's details by its ID (price_...)",
				routing: route({ method: 'GET', url: `=/v1/prices/${idInPath('priceId')}` }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a price',
				description: "Change a price's (price_...) active state, nickname, lookup key or metadata",
				routing: route({ method: 'POST', url: `=/v1/prices/${idInPath('priceId')}` }),
			},
		],
		default: 'create',
	},
	{ ...priceLocator, displayOptions: showFor('price', ['get', 'update']) },
	...priceCreateDescription,
	...priceUpdateDescription,
];
