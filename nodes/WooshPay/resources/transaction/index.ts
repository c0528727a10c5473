import type { INodeProperties } from 'n8n-workflow';

import { showFor, transactionLocator } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { listAll } from '../../shared/transport';
import { transactionGetAllDescription } from './getAll';
import { transactionUpdateDescription } from './update';

/**
 * Card transactions (Issuing). The Update path is on WooshPay's page; Get's page could not be
 * read, so its path is inferred from Update's.
 */
export const transactionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transaction'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a card transaction',
				description: "Fetch a transaction's details by its ID (path inferred: WooshPay's page could not be read)",
				routing: route({ method: 'GET', url: `=/v1/issuing/transactions/${idInPath('transactionId')}` }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many card transactions',
				description: 'List card transactions, newest first, optionally those of one card or cardholder',
				routing: route({ method: 'GET', url: '/v1/issuing/transactions' }, { send: listAll }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a card transaction',
				description: 'Tag a transaction with metadata, such as an accounting code, by its ID',
				routing: route({ method: 'POST', url: `=/v1/issuing/transactions/${idInPath('transactionId')}` }),
			},
		],
		default: 'update',
	},
	{ ...transactionLocator, displayOptions: showFor('transaction', ['get', 'update']) },
	...transactionGetAllDescription,
	...transactionUpdateDescription,
];
