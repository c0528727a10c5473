import type { INodeProperties } from 'n8n-workflow';

import { showFor, updateFields } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import { metadataJsonText, oneOf, onlyWith } from '../../shared/validation';

const STATUS_OPTIONS = [
	{ name: 'Active', value: 'active', description: 'The card can be used' },
	{ name: 'Canceled', value: 'canceled', description: 'The card is closed. To stop a card for a while, use Inactive.' },
	{ name: 'Inactive', value: 'inactive', description: 'The card is refused until it is made active again (freeze)' },
];

const CANCELLATION_REASON_OPTIONS = [
	{ name: 'Design Rejected', value: 'design_rejected' },
	{ name: 'Lost', value: 'lost' },
	{ name: 'Stolen', value: 'stolen' },
];

/**
 * Card → Update: the fields the user added, sent to POST /v1/issuing/cards/{id}. The page
 * "Update a card" says which fields of the card object are NOT updatable; of the rest, the
 * node offers status, cancellation reason and metadata, with the values and types the card
 * object shows (page "List all authorization", its `card`).
 */
export const cardUpdateDescription: INodeProperties[] = [
	updateFields(showFor('card', ['update']), [
		{
			displayName: 'Cancellation Reason',
			name: 'cancellationReason',
			type: 'options',
			default: 'lost',
			description: 'Why the card is canceled. Only together with Status: Canceled.',
			options: CANCELLATION_REASON_OPTIONS,
			routing: send(
				'cancellation_reason',
				'Update Fields → Cancellation Reason',
				onlyWith(
					'status',
					'canceled',
					'is set, but Status is not Canceled',
					'A cancellation reason goes only with canceling the card: add Status "Canceled", or remove Cancellation Reason.',
				),
				oneOf(CANCELLATION_REASON_OPTIONS),
			),
		},
		metadataField(metadataJsonText, 'Update Fields', {
			description:
				'Your own key/value pairs stored with the card. WooshPay types card metadata as text, so the pairs are sent as one JSON text, such as {"cost_centre":"42"}.',
		}),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'inactive',
			description: 'Whether the card can be used',
			options: STATUS_OPTIONS,
			routing: send('status', 'Update Fields → Status', oneOf(STATUS_OPTIONS)),
		},
	]),
];
