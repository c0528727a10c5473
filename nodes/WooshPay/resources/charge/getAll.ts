import type { INodeProperties } from 'n8n-workflow';

import { bodyOnGet } from '../../shared/bodyOnGet';
import { showFor } from '../../shared/descriptions';
import { createdFilters, listFilters, returnAllAndLimit } from '../../shared/lists';
import { requiredText, unixSeconds } from '../../shared/validation';

const displayOptions = showFor('charge', ['getAll']);

/**
 * Charge → Get Many: GET /v1/charges/list (reference page "List all charges", whose path ends
 * in /list). The page declares its parameters as a JSON body on the GET; bodyOnGet says how the
 * node sends them. Its parameter list is cut off after `created`: `limit` and
 * `starting_after`, which Return All and Limit use, are inferred from WooshPay's other lists.
 */
export const chargeGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('charge'),
	listFilters(displayOptions, [
		...createdFilters('charges', (bound, label) => bodyOnGet(`created.${bound}`, label, unixSeconds)),
		{
			displayName: 'Customer ID',
			name: 'customer',
			type: 'string',
			default: '',
			placeholder: 'cus_1953770230215868416',
			description: "Only this customer's charges",
			routing: bodyOnGet('customer', 'Filters → Customer ID', requiredText),
		},
	]),
];
