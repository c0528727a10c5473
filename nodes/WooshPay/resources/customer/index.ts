import type { INodeProperties } from 'n8n-workflow';

import { customerLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { customerCreateDescription } from './create';
import { customerUpdateDescription } from './update';

/** Customers. WooshPay has no list and no delete endpoint for them, so the node has none either. */
export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a customer',
				description: 'Add a new customer',
				routing: route({ method: 'POST', url: '/v1/customers' }),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a customer',
				description: "Fetch a customer's details by the customer's ID (cus_...)",
				routing: route({ method: 'GET', url: `=/v1/customers/${idInPath('customerId')}` }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a customer',
				description: "Change a customer's details, such as the address or email, by the customer's ID (cus_...)",
				routing: route({ method: 'POST', url: `=/v1/customers/${idInPath('customerId')}` }),
			},
		],
		default: 'update',
	},
	{ ...customerLocator, displayOptions: showFor('customer', ['get', 'update']) },
	...customerCreateDescription,
	...customerUpdateDescription,
];
