/** The shape of the OpenAPI document, with no imports: the docs page may use it anywhere. */

export type JsonSchema = { [key: string]: unknown };

export interface Parameter {
	name: string;
	in: 'path' | 'query' | 'header';
	required: boolean;
	description: string;
	schema: JsonSchema;
}

export interface MediaType {
	schema: JsonSchema;
}

export interface Header {
	description: string;
	schema: JsonSchema;
}

export interface ResponseObject {
	description: string;
	headers?: Record<string, Header>;
	content?: Record<string, MediaType>;
}

export interface Operation {
	operationId: string;
	tags: string[];
	summary: string;
	description?: string;
	parameters?: Parameter[];
	requestBody?: { required: boolean; description?: string; content: Record<string, MediaType> };
	responses: Record<string, ResponseObject>;
}

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type Method = (typeof METHODS)[number];
export type PathItem = Partial<Record<Method, Operation>>;

export interface OpenApiDocument {
	openapi: '3.1.0';
	jsonSchemaDialect: string;
	info: { title: string; version: string; summary: string; description: string };
	tags: { name: string; description: string }[];
	paths: Record<string, PathItem>;
	components: { schemas: Record<string, JsonSchema> };
}

/** Where a component lives in the document. */
export const componentRef = (name: string) => `#/components/schemas/${name}`;
