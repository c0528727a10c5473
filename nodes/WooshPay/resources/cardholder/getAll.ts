import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { createdFilters, listFilters, returnAllAndLimit } from '../../shared/lists';
import { query } from '../../shared/routing';
import { email, oneOf, text } from '../../shared/validation';
import { STATUS_OPTIONS, TYPE_OPTIONS } from './fields';

const displayOptions = showFor('cardholder', ['getAll']);

/**
 * Cardholder → Get Many: GET /v1/issuing/cardholders, newest first, following `has_more` and
 * `starting_after` page by page (see listAll in shared/transport.ts).
 */
export const cardholderGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit('cardholder'),
	listFilters(displayOptions, [
		...createdFilters('cardholders'),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'name@email.com',
			description: 'Only cardholders with this email address',
			routing: query('email', 'Filters → Email', email),
		},
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: '+44 20 7946 0958',
			description: 'Only cardholders with this phone number',
			routing: query('phone_number', 'Filters → Phone Number', text),
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'active',
			description: 'Only cardholders with this status',
			options: STATUS_OPTIONS,
			routing: query('status', 'Filters → Status', oneOf(STATUS_OPTIONS)),
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'individual',
			description: 'Only cardholders of this type',
			options: TYPE_OPTIONS,
			routing: query('type', 'Filters → Type', oneOf(TYPE_OPTIONS)),
		},
	]),
];
