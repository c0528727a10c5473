import type { INodeProperties } from 'n8n-workflow';

import { cardholderLocator, showFor } from '../../shared/descriptions';
import { idInPath } from '../../shared/routing';

/** Cardholder → Get: GET /v1/issuing/cardholders/{id}. */
export const cardholderGetDescription: INodeProperties[] = [
	{
		...cardholderLocator,
		displayOptions: showFor('cardholder', ['get']),
		routing: idInPath('cardholderId', '/v1/issuing/cardholders/{id}'),
	},
];
