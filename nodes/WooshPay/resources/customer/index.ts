import type { INodeProperties } from 'n8n-workflow';

import { customerLocator, showFor } from '../../shared/descriptions';
import { urlWithId } from '../../shared/routing';
import { customerCreateDescription } from './create';
import { customerUpdateDescription } from './update';

const showOnlyForCustomers = { show: { resource: ['customer'] } };

/** Get and Update work on one customer: its ID goes into the URL. */
const oneCustomer = urlWithId(customerLocator, '/v1/customers/{id}');

export const customerOperation: INodeProperties = {
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
			routing: { request: { method: 'GET' }, send: { preSend: [oneCustomer] } },
		},
		{
			name: 'Update',
			value: 'update',
			action: 'Update a customer',
			description: "Change a customer's details",
			routing: { request: { method: 'POST' }, send: { preSend: [oneCustomer] } },
		},
	],
	default: 'update',
};

/** The fields of the customer operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const customerFields: INodeProperties[] = [
	{ ...customerLocator, displayOptions: showFor('customer', ['get', 'update']) },
	...customerCreateDescription,
	...customerUpdateDescription,
];
