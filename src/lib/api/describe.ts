/**
 * The OpenAPI document as the readable page (/docs/api) shows it: operations grouped by tag, with
 * parameters, body fields and statuses, and one field table per component schema. Everything is
 * derived from the document, so the page says what the contract says. Pure.
 */
import {
	componentRef,
	type JsonSchema,
	type Method,
	type OpenApiDocument,
	type Operation
} from './document';

/** Part of a type as written: plain text, or the name of a component schema to link to. */
export interface TypePart {
	text: string;
	ref?: string;
}

export interface FieldRow {
	name: string;
	type: TypePart[];
	required: boolean;
	description: string;
	constraints: string[];
}

export interface ParameterRow {
	name: string;
	in: string;
	type: TypePart[];
	required: boolean;
	description: string;
	constraints: string[];
}

export interface BodyView {
	contentType: string;
	required: boolean;
	description: string;
	type: TypePart[];
	fields: FieldRow[];
}

export interface ResponseRow {
	status: string;
	description: string;
	contentTypes: string[];
	type: TypePart[];
	headers: string[];
}

export interface OperationView {
	id: string;
	method: string;
	path: string;
	summary: string;
	description: string;
	parameters: ParameterRow[];
	body: BodyView | null;
	responses: ResponseRow[];
}

export interface GroupView {
	name: string;
	anchor: string;
	description: string;
	operations: OperationView[];
}

export interface SchemaView {
	name: string;
	anchor: string;
	description: string;
	type: TypePart[];
	fields: FieldRow[];
}

export interface ApiView {
	title: string;
	version: string;
	summary: string;
	description: string[];
	groups: GroupView[];
	schemas: SchemaView[];
}

const MAX_DEPTH = 6;

export const schemaAnchor = (name: string) => `schema-${name}`;
const slug = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');

const refName = (ref: string) =>
	ref.startsWith(componentRef('')) ? ref.slice(componentRef('').length) : ref;

const asSchema = (value: unknown): JsonSchema | null =>
	value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as JsonSchema)
		: null;

const isInlineObject = (schema: JsonSchema) =>
	schema.$ref === undefined &&
	(schema.type === 'object' || schema.properties !== undefined) &&
	asSchema(schema.properties) !== null;

/** The alternatives of a union (`anyOf`, `oneOf`, or a list of types), flattened. */
function alternatives(schema: JsonSchema): JsonSchema[] | null {
	const list = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
	if (list) return list.flatMap((s) => alternatives(s) ?? [s]);
	if (Array.isArray(schema.type))
		return (schema.type as string[]).map((type) => ({ ...schema, type }));
	return null;
}

/** How a schema's type reads in one line: "string", "array of Finding", "map of string to number". */
export function typeOf(schema: JsonSchema): TypePart[] {
	if (typeof schema.$ref === 'string')
		return [{ text: refName(schema.$ref), ref: refName(schema.$ref) }];
	if (schema.const !== undefined) return [{ text: JSON.stringify(schema.const) }];
	if (Array.isArray(schema.enum))
		return [{ text: schema.enum.map((v) => JSON.stringify(v)).join(' | ') }];
	const union = alternatives(schema);
	if (union) {
		return union.flatMap((alt, i) => [...(i > 0 ? [{ text: ' or ' }] : []), ...typeOf(alt)]);
	}
	if (schema.type === 'array') {
		if (Array.isArray(schema.prefixItems)) {
			const items = (schema.prefixItems as JsonSchema[]).flatMap((item, i) => [
				...(i > 0 ? [{ text: ', ' }] : []),
				...typeOf(item)
			]);
			return [{ text: '[' }, ...items, { text: ']' }];
		}
		const items = asSchema(schema.items);
		return [
			{ text: 'array of ' },
			...(items && Object.keys(items).length ? typeOf(items) : [{ text: 'anything' }])
		];
	}
	const values = asSchema(schema.additionalProperties);
	if ((schema.type === 'object' || schema.type === undefined) && values && !schema.properties) {
		const keys = asSchema(schema.propertyNames);
		const keyType = keys && Array.isArray(keys.enum) ? [{ text: 'key' }] : [{ text: 'string' }];
		return [{ text: 'map of ' }, ...keyType, { text: ' to ' }, ...typeOf(values)];
	}
	if (typeof schema.type === 'string') {
		return [{ text: schema.format ? `${schema.type} (${schema.format})` : schema.type }];
	}
	return [{ text: 'any' }];
}

/** Limits a schema sets, in words: "at most 200 characters", "1 to 40". */
export function constraintsOf(schema: JsonSchema): string[] {
	const out: string[] = [];
	const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('en') : String(v));
	if (schema.minLength === 1) out.push('not empty');
	else if (typeof schema.minLength === 'number' && schema.minLength > 1)
		out.push(`at least ${num(schema.minLength)} characters`);
	if (schema.maxLength !== undefined) out.push(`at most ${num(schema.maxLength)} characters`);
	if (schema.minimum !== undefined) out.push(`≥ ${num(schema.minimum)}`);
	if (schema.exclusiveMinimum !== undefined) out.push(`> ${num(schema.exclusiveMinimum)}`);
	if (schema.maximum !== undefined) out.push(`≤ ${num(schema.maximum)}`);
	if (schema.exclusiveMaximum !== undefined) out.push(`< ${num(schema.exclusiveMaximum)}`);
	if (schema.minItems !== undefined && schema.prefixItems === undefined)
		out.push(`at least ${num(schema.minItems)} items`);
	if (schema.maxItems !== undefined && schema.prefixItems === undefined)
		out.push(`at most ${num(schema.maxItems)} items`);
	if (typeof schema.pattern === 'string') out.push(`matches ${schema.pattern}`);
	const keys = asSchema(schema.propertyNames);
	if (keys && Array.isArray(keys.enum)) out.push(`keys: ${keys.enum.join(', ')}`);
	if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
	return out;
}

/**
 * One row per field of an object schema, nested fields named by path ("fleet.devices",
 * "findings[].title", "answers.{key}.option"). A $ref is named and linked, not expanded.
 */
export function fieldsOf(schema: JsonSchema, prefix = '', depth = 0): FieldRow[] {
	if (depth > MAX_DEPTH) return [];
	const rows: FieldRow[] = [];
	const properties = asSchema(schema.properties);
	if (properties) {
		const required = new Set((schema.required as string[] | undefined) ?? []);
		for (const [key, value] of Object.entries(properties)) {
			const field = asSchema(value) ?? {};
			const name = `${prefix}${key}`;
			rows.push({
				name,
				type: typeOf(field),
				required: required.has(key),
				description: typeof field.description === 'string' ? field.description : '',
				constraints: constraintsOf(field)
			});
			rows.push(...nestedFields(field, name, depth + 1));
		}
		return rows;
	}
	return nestedFields(schema, prefix.replace(/\.$/, ''), depth);
}

/** The fields inside a field: an inline object, an array of them, a map of them, or a union with one. */
function nestedFields(field: JsonSchema, name: string, depth: number): FieldRow[] {
	const join = (suffix: string) => (name ? `${name}${suffix}` : suffix.replace(/^\./, ''));
	if (field.$ref !== undefined) return [];
	if (isInlineObject(field)) return fieldsOf(field, `${join('.')}`, depth);
	const items = asSchema(field.items);
	if (field.type === 'array' && items) return nestedFields(items, join('[]'), depth);
	const values = asSchema(field.additionalProperties);
	if (values && !field.properties) return nestedFields(values, join('.{key}'), depth);
	const union = alternatives(field);
	if (union) {
		// Alternatives with fields of the same name (e.g. two kinds of restriction): each name once.
		const rows = union.flatMap((alt) =>
			alt.type === 'null' ? [] : nestedFields(alt, name, depth)
		);
		return rows.filter((row, i) => rows.findIndex((r) => r.name === row.name) === i);
	}
	return [];
}

const resolve = (doc: OpenApiDocument, schema: JsonSchema): JsonSchema =>
	typeof schema.$ref === 'string'
		? (doc.components.schemas[refName(schema.$ref)] ?? schema)
		: schema;

function operationView(
	doc: OpenApiDocument,
	method: Method,
	path: string,
	operation: Operation
): OperationView {
	const bodyContent = operation.requestBody
		? Object.entries(operation.requestBody.content)[0]
		: undefined;
	let body: BodyView | null = null;
	if (operation.requestBody && bodyContent) {
		const [contentType, { schema }] = bodyContent;
		const target = resolve(doc, schema);
		body = {
			contentType,
			required: operation.requestBody.required,
			description: [operation.requestBody.description, target.description]
				.filter(Boolean)
				.join(' '),
			type: typeOf(schema),
			fields: fieldsOf(target)
		};
	}
	return {
		id: operation.operationId,
		method: method.toUpperCase(),
		path,
		summary: operation.summary,
		description: operation.description ?? '',
		parameters: (operation.parameters ?? []).map((p) => ({
			name: p.name,
			in: p.in,
			type: typeOf(p.schema),
			required: p.required,
			description: p.description,
			constraints: constraintsOf(p.schema)
		})),
		body,
		responses: Object.entries(operation.responses).map(([status, response]) => {
			const content = Object.entries(response.content ?? {});
			const schema = content[0]?.[1].schema;
			return {
				status,
				description: response.description,
				contentTypes: content.map(([type]) => type),
				type: schema ? typeOf(schema) : [],
				headers: Object.keys(response.headers ?? {})
			};
		})
	};
}

/** The whole document as the page shows it. */
export function describeApi(doc: OpenApiDocument): ApiView {
	const groups: GroupView[] = doc.tags.map((tag) => ({
		name: tag.name,
		anchor: slug(tag.name),
		description: tag.description,
		operations: []
	}));
	for (const [path, pathItem] of Object.entries(doc.paths)) {
		for (const [method, operation] of Object.entries(pathItem) as [Method, Operation][]) {
			const tag = operation.tags[0] ?? 'Other';
			let group = groups.find((g) => g.name === tag);
			if (!group)
				groups.push((group = { name: tag, anchor: slug(tag), description: '', operations: [] }));
			group.operations.push(operationView(doc, method, path, operation));
		}
	}
	return {
		title: doc.info.title,
		version: doc.info.version,
		summary: doc.info.summary,
		description: doc.info.description.split('\n\n'),
		groups: groups.filter((g) => g.operations.length > 0),
		schemas: Object.entries(doc.components.schemas).map(([name, schema]) => ({
			name,
			anchor: schemaAnchor(name),
			description: typeof schema.description === 'string' ? schema.description : '',
			type: typeOf({ ...schema, description: undefined }),
			fields: fieldsOf(schema)
		}))
	};
}
