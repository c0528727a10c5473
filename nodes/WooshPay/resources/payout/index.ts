import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { sendMoneyMovement } from '../../shared/transport';
import { payoutCreateDescription } from './create';
import { payoutUpdateDescription } from './update';

/** The payout an operation works on; its ID goes into the URL. */
const payoutLocator = byIdLocator({
	displayName: 'Payout',
	name: 'payoutId',
	description: 'The payout to work on',
	placeholder: 'po_1854715844924276736',
	hint: 'The ID WooshPay gave the payout (po_...), such as {{ $json.id }} after Payout → Create',
});

/**
 * Payouts: money sent from your WooshPay balance to a beneficiary (a bank account, a UPI ID …).
 * WooshPay's reference shows Create and Update; Retrieve and List could not be read (README,
 * "What is inferred").
 */
export const payoutDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['payout'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payout',
				description: 'Send money to a saved beneficiary (bf_...) or to one described here, as an amount paid or received',
				routing: route({ method: 'POST', url: '/v1/payouts' }, { send: sendMoneyMovement }),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a payout',
				description: "Change a payout's (po_...) metadata",
				routing: route({ method: 'POST', url: `=/v1/payouts/${idInPath('payoutId')}` }),
			},
		],
		default: 'create',
	},
	{ ...payoutLocator, displayOptions: showFor('payout', ['update']) },
	...payoutCreateDescription,
	...payoutUpdateDescription,
];
