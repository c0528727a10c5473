import type { INodeProperties } from 'n8n-workflow';

import type { Rule } from './validation';
import { send } from './routing';

/**
 * Metadata as key/value pairs in the editor, sent at `metadata` (or `path`) in the shape `toBody`
 * gives (an object for customers, an array holding one object for cardholders). `under`: the
 * collection it is shown in, for error messages; `description` replaces the general one.
 */
export function metadataField(toBody: Rule, under: string, { description, path = 'metadata' }: { description?: string; path?: string } = {}): INodeProperties {
	return {
		displayName: 'Metadata',
		name: 'metadata',
		type: 'fixedCollection',
		placeholder: 'Add Metadata',
		default: {},
		typeOptions: { multipleValues: true },
		description:
			description ?? 'Your own key/value pairs stored with the object, such as an ID from your CRM. An empty value removes that key.',
		options: [
			{
				displayName: 'Pair',
				name: 'pair',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'crm_id',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'C-1042',
					},
				],
			},
		],
		routing: send(path, `${under} → Metadata`, toBody),
	};
}
