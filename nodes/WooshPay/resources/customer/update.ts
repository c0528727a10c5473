import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { customerFields } from './fields';

/** Customer → Update: the fields the user added, sent to POST /v1/customers/{id}. */
export const customerUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('customer', ['update']),
		options: customerFields(),
	},
];
