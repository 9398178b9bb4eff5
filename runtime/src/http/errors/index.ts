export * from './invalid-json.error.ts';
export * from './payload-too-large.error.ts';
export * from './unsupported-media-type.error.ts';
