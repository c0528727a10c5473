/**
 * Which events already started the workflow in this n8n process, so that each event ID starts
 * it once however often WooshPay delivers it (it retries a delivery for up to 3 days; a second
 * endpoint for the same URL would deliver every event twice). Across processes (queue mode,
 * several mains) the claim in n8n's shared store decides: see claim.ts.
 *
 * Kept in the memory of the n8n process, not in the workflow's static data: n8n 2.41 does not
 * save static data that a trigger's webhook() changes when the delivery starts a run (its
 * WorkflowRunner builds the execution's Workflow on the same static data object first, which
 * clears the object's "changed" mark before the webhook's change is saved), so a list of IDs
 * there would never reach the database. Seen in a real n8n 2.41.1; test/harness/trigger.js
 * does the same.
 *
 * The webhook only asks (seenBefore, so that a repeat this process has started answers 200 and
 * starts nothing); the run records (recordOnce, in the trigger's execute(), once the run has
 * started), so that an event whose run never started is not refused when WooshPay retries it.
 *
 * Bounded: the latest MAX_EVENTS_PER_TRIGGER IDs of each of the MAX_TRIGGERS triggers that
 * received events most recently. recordOnce checks and records with no await in between, so
 * two runs of one event starting at the same moment in this process record it once.
 */

export const MAX_EVENTS_PER_TRIGGER = 1000;
const MAX_TRIGGERS = 100;

/** Per trigger (workflow, node, production or test), its latest event IDs, oldest first. */
const recent = new Map<string, Set<string>>();

/** Whether a run of this trigger started with the event in this process. Records nothing. */
export function seenBefore(trigger: string, eventId: string): boolean {
	return recent.get(trigger)?.has(eventId) === true;
}

/**
 * Records that a run of this trigger starts with the event; false when one had started before
 * in this process (this run is then the repeat).
 */
export function recordOnce(trigger: string, eventId: string): boolean {
	let ids = recent.get(trigger);
	if (ids) {
		// The trigger heard from last moves to the end: the first one is then the one to drop.
		recent.delete(trigger);
	} else {
		ids = new Set();
	}
	recent.set(trigger, ids);
	if (recent.size > MAX_TRIGGERS) recent.delete(recent.keys().next().value as string);
	if (ids.has(eventId)) return false;
	ids.add(eventId);
	if (ids.size > MAX_EVENTS_PER_TRIGGER) ids.delete(ids.values().next().value as string);
	return true;
}

/** The memory's key for a trigger: its workflow, its node, and production or test. */
export function triggerOf(workflowId: string | undefined, nodeId: string, mode: string): string {
	return `${workflowId ?? ''}|${nodeId}|${mode}`;
}
