import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { listFilters, returnAllAndLimit } from '../../shared/lists';
import { query, route } from '../../shared/routing';
import { listAll } from '../../shared/transport';
import { requiredText } from '../../shared/validation';

/**
 * Invoices. WooshPay's reference shows the list (page "List all invoices", with its query
 * parameters); its other invoice pages could not be read (README, "What is inferred").
 */
export const invoiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['invoice'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many invoices',
				description: 'List invoices, newest first, optionally those of one customer or subscription',
				routing: route({ method: 'GET', url: '/v1/invoices' }, { send: listAll }),
			},
		],
		default: 'getAll',
	},
	...returnAllAndLimit('invoice'),
	listFilters(showFor('invoice', ['getAll']), [
		{
			displayName: 'Customer ID',
			name: 'customer',
			type: 'string',
			default: '',
			placeholder: 'cus_1953770230215868416',
			description: "Only this customer's invoices",
			routing: query('customer', 'Filters → Customer ID', requiredText),
		},
		{
			displayName: 'Subscription ID',
			name: 'subscription',
			type: 'string',
			default: '',
			placeholder: 'sub_1787731245694324736',
			description: "Only this subscription's invoices",
			routing: query('subscription', 'Filters → Subscription ID', requiredText),
		},
	]),
];
