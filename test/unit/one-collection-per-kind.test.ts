import type { INodeProperties } from 'n8n-workflow';

import { WooshPay } from '../../nodes/WooshPay/WooshPay.node';
import { authorizationFields } from '../../nodes/WooshPay/resources/authorization';
import { cardFields } from '../../nodes/WooshPay/resources/card';
import { cardholderFields } from '../../nodes/WooshPay/resources/cardholder';
import { chargeFields } from '../../nodes/WooshPay/resources/charge';
import { customerFields } from '../../nodes/WooshPay/resources/customer';
import { paymentIntentFields } from '../../nodes/WooshPay/resources/paymentIntent';
import { refundFields } from '../../nodes/WooshPay/resources/refund';
import { transactionFields } from '../../nodes/WooshPay/resources/transaction';
import { SHARED_COLLECTIONS, oneCollectionPerKind } from '../../nodes/WooshPay/shared/descriptions';

/** One Additional Fields, Update Fields and Filters for all resources; each resource sees its own fields. */
const properties = new WooshPay().description.properties;
const kinds = SHARED_COLLECTIONS;
const own = (fields: INodeProperties[], kind: string) => fields.find((p) => p.name === kind)?.options as INodeProperties[];
const shownFor = (kind: string, resource: string) =>
	(properties.find((p) => p.name === kind)?.options as INodeProperties[])
		.filter((o) => (o.displayOptions?.show?.['/resource'] as string[]).includes(resource))
		.map(({ displayOptions, ...option }) => {
			const { '/resource': _resource, ...show } = displayOptions?.show ?? {};
			return Object.keys(show).length > 0 || displayOptions?.hide ? { ...option, displayOptions: { ...displayOptions, show } } : option;
		});

test('one collection of each kind among the top-level properties', () => {
	expect(kinds.map((kind) => properties.filter((p) => p.name === kind).length)).toEqual([1, 1, 1]);
});

const RESOURCES: Array<[string, INodeProperties[]]> = [
	['customer', customerFields],
	['cardholder', cardholderFields],
	['paymentIntent', paymentIntentFields],
	['refund', refundFields],
	['charge', chargeFields],
	['card', cardFields],
	['authorization', authorizationFields],
	['transaction', transactionFields],
];

test.each(RESOURCES.flatMap(([resource, fields]) => kinds.filter((kind) => own(fields, kind)).map((kind) => [resource, kind, fields] as const)))(
	'%s sees exactly the %s its resource defines',
	(resource, kind, fields) => {
		expect(shownFor(kind, resource)).toEqual(own(fields, kind));
	},
);

test('collections that differ in more than resource and fields are refused', () => {
	const collection = (resource: string, placeholder: string): INodeProperties => ({
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder,
		default: {},
		displayOptions: { show: { resource: [resource], operation: ['update'] } },
		options: [],
	});
	expect(() => oneCollectionPerKind([collection('a', 'Add Field'), collection('b', 'Add Field')], ['updateFields'])).not.toThrow();
	expect(() => oneCollectionPerKind([collection('a', 'Add Field'), collection('b', 'Add')], ['updateFields'])).toThrow(
		'The "updateFields" collections differ in more than their resource and fields',
	);
});
