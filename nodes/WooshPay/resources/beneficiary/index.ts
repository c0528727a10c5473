import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';

/** The beneficiary Beneficiary → Get fetches. */
const beneficiaryLocator = byIdLocator({
	displayName: 'Beneficiary',
	name: 'beneficiaryId',
	description: 'The beneficiary to get',
	placeholder: 'bf_1953671305744089088',
	hint: 'The ID WooshPay gave the beneficiary (bf_...)',
});

/**
 * Beneficiaries: the people and companies payouts go to. WooshPay's reference shows Retrieve;
 * its other beneficiary pages could not be read (README, "What is inferred").
 */
export const beneficiaryDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['beneficiary'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a beneficiary',
				description: "Fetch a payout beneficiary's details and destination by its ID (bf_...)",
				routing: route({ method: 'GET', url: `=/v1/beneficiaries/${idInPath('beneficiaryId')}` }),
			},
		],
		default: 'get',
	},
	{ ...beneficiaryLocator, displayOptions: showFor('beneficiary', ['get']) },
];
