import type { INodeProperties } from 'n8n-workflow';

import { cardholderUpdateDescription } from './update';

const showOnlyForCardholders = { show: { resource: ['cardholder'] } };

export const cardholderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showOnlyForCardholders,
		options: [
			{
				name: 'Update',
				value: 'update',
				action: 'Update a cardholder',
				description: "Change a cardholder's details or status, such as blocking their cards",
				routing: { request: { method: 'POST' } },
			},
		],
		default: 'update',
	},
	...cardholderUpdateDescription,
];
