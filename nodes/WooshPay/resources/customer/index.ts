import type { INodeProperties } from 'n8n-workflow';

import { customerUpdateDescription } from './update';

const showOnlyForCustomers = { show: { resource: ['customer'] } };

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showOnlyForCustomers,
		options: [
			{
				name: 'Update',
				value: 'update',
				action: 'Update a customer',
				description: "Change a customer's details",
				routing: { request: { method: 'POST' } },
			},
		],
		default: 'update',
	},
	...customerUpdateDescription,
];
