import type { INodeProperties } from 'n8n-workflow';

/**
 * The account's balance: GET /v1/balance (reference page "Get balance"), no parameters. The
 * answer lists `available` and `pending` funds, one entry per currency.
 */
export const balanceOperation: INodeProperties = {
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
			description: 'Fetch the funds available and pending, per currency',
			routing: { request: { method: 'GET', url: '/v1/balance' } },
		},
	],
	default: 'get',
};
