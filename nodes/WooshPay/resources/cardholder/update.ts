import type { INodeProperties } from 'n8n-workflow';

import { cardholderLocator, showFor } from '../../shared/descriptions';
import { idInPath } from '../../shared/routing';
import { cardholderFields } from './fields';

const displayOptions = showFor('cardholder', ['update']);

/** Cardholder → Update: POST /v1/issuing/cardholders/{id} with the fields the user added. */
export const cardholderUpdateDescription: INodeProperties[] = [
	{
		...cardholderLocator,
		displayOptions,
		routing: idInPath('cardholderId', '/v1/issuing/cardholders/{id}'),
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions,
		options: cardholderFields(),
	},
];
