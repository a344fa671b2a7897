// The form kit's one idea: a field names its form and its key, and everything else follows from
// them — the value (bound both ways), the label, the error texts, the id the error summary links
// to. A form is either superforms' (createForm in super-form.svelte.ts: POST forms with a zod
// schema) or values the page already has (staticForm here: GET filters, and small forms whose
// action answers with plain data). This module does not load superforms, so a page with only a
// GET form does not ship it.
import { enhance as kitEnhance, type SubmitFunction } from '$app/forms';
import type { Action } from 'svelte/action';
import type { FormNotice } from './FormMessage.svelte';

export type Values = Record<string, unknown>;

/** Field name → Dutch label, in form order: the error summary lists problems in this order. */
export type FieldLabels<T> = { readonly [K in keyof T]?: string };

/** The keys of T whose values are of type V: a text field takes only keys that hold text. */
export type KeysOf<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T] & string;

/** What every field reads from its form; both kinds of form below provide it. */
export interface FormKit<T extends Values> {
	readonly labels: FieldLabels<T>;
	/** Field ids are `${idPrefix}-${name}`; two forms with a field of the same name differ here. */
	readonly idPrefix: string;
	value<K extends keyof T>(name: K): T[K];
	set<K extends keyof T>(name: K, value: T[K]): void;
	/** The field's error texts, [] when there are none. */
	errors(name: keyof T): string[];
	/** The form-level message (success, or a problem that is not about one field). */
	readonly message: FormNotice | string | null | undefined;
	readonly enhance: Action<HTMLFormElement>;
}

/** Superforms reports an array field's own errors as { _errors: [...] }; both shapes become a list. */
export function errorList(errors: unknown): string[] {
	if (Array.isArray(errors)) return errors.map(String);
	const own = (errors as { _errors?: unknown } | null | undefined)?._errors;
	return Array.isArray(own) ? own.map(String) : [];
}

const noEnhance: Action<HTMLFormElement> = () => {};

export interface KitOptions {
	idPrefix?: string;
}

/** What a static form shows: the values (as the page has them) and any errors and message. */
export interface FormState<T extends Values> {
	values: T;
	errors?: { readonly [K in keyof T]?: readonly string[] | string | null };
	message?: FormNotice | string | null;
}

class StaticFormKit<T extends Values> implements FormKit<T> {
	readonly labels: FieldLabels<T>;
	readonly idPrefix: string;
	readonly enhance: Action<HTMLFormElement>;
	readonly #state: () => FormState<T>;
	// What the visitor changed since the page's values last changed; a new page (another search,
	// a refused action) starts from its own values again.
	#values = $derived.by(() => ({ ...this.#state().values }));

	constructor(state: () => FormState<T>, labels: FieldLabels<T>, options: StaticOptions) {
		this.#state = state;
		this.labels = labels;
		this.idPrefix = options.idPrefix ?? 'veld';
		const { enhance } = options;
		this.enhance = !enhance
			? noEnhance
			: enhance === true
				? kitEnhance
				: (node) => kitEnhance(node, enhance);
	}

	value<K extends keyof T>(name: K): T[K] {
		return this.#values[name];
	}

	set<K extends keyof T>(name: K, value: T[K]) {
		this.#values = { ...this.#values, [name]: value };
	}

	errors(name: keyof T): string[] {
		const errors = this.#state().errors?.[name];
		return typeof errors === 'string' ? [errors] : errorList(errors);
	}

	get message() {
		return this.#state().message;
	}
}

interface StaticOptions extends KitOptions {
	/** Submit with SvelteKit's enhance (true), or with it and this submit function. */
	enhance?: boolean | SubmitFunction;
}

/**
 * A form over values the page already has: a GET filter form (the values come from the URL), or
 * a small POST form whose action answers with plain data. With `enhance` it is submitted with
 * SvelteKit's enhance; without it the form posts the ordinary way.
 */
export function staticForm<T extends Values>(
	state: () => FormState<T>,
	labels: FieldLabels<T> = {},
	options: StaticOptions = {}
): FormKit<T> {
	return new StaticFormKit(state, labels, options);
}

/** The id a field of this form gets, and the error summary links to. */
export const fieldId = <T extends Values>(form: FormKit<T>, name: keyof T & string) =>
	`${form.idPrefix}-${name}`;

/** A value a text-like control shows: what the visitor types, or a number the schema coerces. */
export type TextValue = string | number | null | undefined;

/** The props every field takes; the control's own attributes come on top. */
export interface FieldProps<T extends Values, K extends keyof T & string = keyof T & string> {
	form: FormKit<T>;
	name: K;
	/** Defaults to the form's label for this name. */
	label?: string;
	/** The description under the label ("Bijvoorbeeld 1506 AB."). */
	hint?: string;
	/** Adds "(niet verplicht)" to the label and leaves out `required`. */
	optional?: boolean;
	/** Defaults to `${form.idPrefix}-${name}`; give one when a form repeats per row. */
	id?: string;
	/** The label for screen readers only, where the row around the field says what it is. */
	hiddenLabel?: boolean;
}

/** A field's props with its HTML control's attributes on top, less those the kit sets (the form,
 *  name, value and id) and those the component fixes itself (`Fixed`, e.g. a MoneyField's type). */
export type ControlProps<
	T extends Values,
	K extends keyof T & string,
	Attributes,
	Fixed extends string = never
> = FieldProps<T, K> & Omit<Attributes, 'form' | 'name' | 'value' | 'id' | Fixed>;

/** The values ticked in a group of checkboxes that post one name (a string[] key). */
export function ticked<T extends Values>(form: FormKit<T>, name: KeysOf<T, string[]>): string[] {
	return (form.value(name) ?? []) as string[];
}

/** Ticks or unticks one value of such a group. */
export function tickValue<T extends Values>(
	form: FormKit<T>,
	name: KeysOf<T, string[]>,
	value: string,
	checked: boolean
) {
	const now = ticked(form, name).filter((v) => v !== value);
	form.set(name, (checked ? [...now, value] : now) as T[typeof name]);
}
