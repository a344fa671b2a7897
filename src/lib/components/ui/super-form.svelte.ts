// The kit's superforms form: a page's POST form with a zod schema (superValidate on the server).
import { fromStore } from 'svelte/store';
import type { Action } from 'svelte/action';
import { superForm, type FormOptions, type SuperValidated } from 'sveltekit-superforms';
import type { FormNotice } from './FormMessage.svelte';
import {
	errorList,
	type FieldLabels,
	type FormKit,
	type KitOptions,
	type Values
} from './form-kit.svelte';

class SuperFormKit<T extends Values, In extends Values> implements FormKit<T> {
	readonly superform;
	readonly labels: FieldLabels<T>;
	readonly idPrefix: string;
	#data;
	#errors;
	#message;

	constructor(
		validated: SuperValidated<T, unknown, In>,
		labels: FieldLabels<T>,
		options: FormOptions<T, unknown, In> & KitOptions
	) {
		const { idPrefix = 'veld', ...formOptions } = options;
		// What was typed stays after a refusal; a page that wants the fields emptied after success
		// says resetForm: true.
		this.superform = superForm(validated, { resetForm: false, ...formOptions });
		this.labels = labels;
		this.idPrefix = idPrefix;
		this.#data = fromStore(this.superform.form);
		this.#errors = fromStore(this.superform.errors);
		this.#message = fromStore(this.superform.message);
	}

	value<K extends keyof T>(name: K): T[K] {
		return this.#data.current[name];
	}

	set<K extends keyof T>(name: K, value: T[K]) {
		this.superform.form.update((data) => ({ ...data, [name]: value }));
	}

	errors(name: keyof T): string[] {
		return errorList((this.#errors.current as Values)[name as string]);
	}

	get message(): FormNotice | string | undefined {
		return this.#message.current as FormNotice | string | undefined;
	}

	get enhance(): Action<HTMLFormElement> {
		return this.superform.enhance;
	}
}

/** A superforms form (created once, while the page's component starts) with its labels. */
export function createForm<T extends Values, In extends Values>(
	validated: SuperValidated<T, unknown, In>,
	labels: FieldLabels<T>,
	options: FormOptions<T, unknown, In> & KitOptions = {}
): SuperFormKit<T, In> {
	return new SuperFormKit(validated, labels, options);
}
