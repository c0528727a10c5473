import type { INodeProperties } from 'n8n-workflow';

import { listRouting } from '../../shared/lists';
import { chargeGetAllFilters } from './getAll';

export const chargeOperation: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['charge'] } },
	options: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many charges',
			description: 'List charges, newest first',
			routing: listRouting('/v1/charges/list'),
		},
	],
	default: 'getAll',
};

/** The fields of the charge operations; they come after every resource's Operation (see WooshPay.node.ts). */
export const chargeFields: INodeProperties[] = [
	chargeGetAllFilters,
];
