// What an area provides for each figure its SQL function (public.monitor_<area>) returns: the
// Dutch words, the layer of Zwolle's monitor it belongs to and how to show its value. The
// aggregation is the platform's (public.monitor_figures); the page is monitor/page.ts.

export type Layer = 'money' | 'numbers' | 'outcomes';
export type Unit = 'count' | 'cents' | 'hours';
/** What a figure's subject names, when it has one (one value per shop, buurthuis, answer…). */
export type SubjectKind = 'shop' | 'centre' | 'goal' | 'answer';

export interface MetricDefinition {
	label: string;
	layer: Layer;
	unit: Unit;
	/** One sentence: what is counted, and when it counts (also the open data's field description). */
	description: string;
	subject?: SubjectKind;
	/** A count of people or events that can be added over wijken and months (not a distinct count or median). */
	additive: boolean;
}

export interface MonitorArea {
	area: string;
	/** The area's name on the page. */
	title: string;
	metrics: Record<string, MetricDefinition>;
}
