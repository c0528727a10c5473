import type { INodeProperties } from 'n8n-workflow';

import { customerCreateDescription } from './create';
import { customerGetDescription } from './get';
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
				name: 'Create',
				value: 'create',
				action: 'Create a customer',
				description: 'Add a new customer',
				routing: { request: { method: 'POST', url: '/v1/customers' } },
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a customer',
				description: "Fetch a customer's details",
				routing: { request: { method: 'GET' } },
			},
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
	...customerCreateDescription,
	...customerGetDescription,
	...customerUpdateDescription,
];
