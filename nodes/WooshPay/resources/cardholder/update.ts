import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { cardholderFields } from './fields';

/** Cardholder → Update: the fields the user added, sent to POST /v1/issuing/cardholders/{id}. */
export const cardholderUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('cardholder', ['update']),
		options: cardholderFields(),
	},
];
