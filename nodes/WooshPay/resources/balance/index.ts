import type { INodeProperties } from 'n8n-workflow';

import { route } from '../../shared/routing';

/**
 * The account's balance: GET /v1/balance (reference page "Get balance"), no parameters. The
 * answer lists `available` and `pending` funds, one entry per currency.
 */
export const balanceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['balance'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the balance',
				description: 'Fetch the funds available and pending in the WooshPay account, per currency',
				routing: route({ method: 'GET', url: '/v1/balance' }),
			},
		],
		default: 'get',
	},
];
