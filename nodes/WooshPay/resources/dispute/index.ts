import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { simplifyFields } from '../../shared/simplify';
import { listAllSimplified } from '../../shared/transport';
import { disputeLocator, simplifyDispute } from './close';
import { disputeGetAllDescription } from './getAll';

/**
 * Disputes: a customer's bank questioning a charge. WooshPay's reference shows the list and
 * Close; Retrieve and Update could not be read (README, "What is inferred").
 */
export const disputeDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dispute'] } },
		options: [
			{
				name: 'Close',
				value: 'close',
				action: 'Close a dispute',
				description: 'Accept a dispute (dp_...) you will not fight: it is closed as lost, and no evidence can be added after',
				routing: route({ method: 'POST', url: `=/v1/disputes/${idInPath('disputeId')}/close` }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many disputes',
				description: 'List disputes, newest first, optionally those of one charge or payment intent or by creation time',
				routing: route({ method: 'GET', url: '/v1/disputes/list' }, { send: listAllSimplified(simplifyDispute) }),
			},
		],
		default: 'getAll',
	},
	{ ...disputeLocator, displayOptions: showFor('dispute', ['close']) },
	...disputeGetAllDescription,
	...simplifyFields('dispute', ['getAll'], 'dispute'),
];
