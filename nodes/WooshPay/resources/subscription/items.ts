import type { INodeProperties } from 'n8n-workflow';

import { send } from '../../shared/routing';
import type { Rule } from '../../shared/validation';
import { InvalidValue, positiveInteger, requiredText } from '../../shared/validation';

interface ItemValues {
	price?: unknown;
	quantity?: unknown;
}

/** The items as the editor keeps them ({item: [{price, quantity}]}) become `items[]` of prices and quantities. */
const itemsRule: Rule = (value, context) => {
	const items = ((value as { item?: ItemValues[] } | undefined)?.item ?? []) as ItemValues[];
	if (items.length === 0) throw new InvalidValue('has no item', 'Add at least one item with the price the customer subscribes to.');
	return items.map((item, index) => {
		const at = (problem: InvalidValue) => new InvalidValue(`→ entry ${index + 1} → ${problem.problem}`, problem.fix);
		let price: unknown;
		let quantity: unknown;
		try {
			price = requiredText(item.price, context);
		} catch (error) {
			throw error instanceof InvalidValue ? at(new InvalidValue(`Price ID ${error.problem}`, error.fix)) : error;
		}
		try {
			quantity = item.quantity === undefined || item.quantity === '' ? undefined : positiveInteger(item.quantity, context);
		} catch (error) {
			throw error instanceof InvalidValue ? at(new InvalidValue(`Quantity ${error.problem}`, error.fix)) : error;
		}
		return quantity === undefined ? { price } : { price, quantity };
	});
};

/** The prices a subscription is made of, sent as `items[]` (`price`, `quantity`). */
export function subscriptionItems(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Items',
		name: 'items',
		type: 'fixedCollection',
		required: true,
		placeholder: 'Add Item',
		default: { item: [{ price: '', quantity: 1 }] },
		typeOptions: { multipleValues: true },
		description: 'The prices the customer subscribes to, each with a quantity',
		displayOptions,
		options: [
			{
				displayName: 'Item',
				name: 'item',
				values: [
					{
						displayName: 'Price ID',
						name: 'price',
						type: 'string',
						default: '',
						placeholder: 'price_1787731245694324736',
						description: 'A recurring price (price_...)',
						hint: 'Such as {{ $json.id }} after Price → Create',
					},
					{
						displayName: 'Quantity',
						name: 'quantity',
						type: 'number',
						default: 1,
						typeOptions: { minValue: 1, numberPrecision: 0 },
					},
				],
			},
		],
		routing: send('items', 'Items', itemsRule),
	};
}
