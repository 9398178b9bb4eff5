/**
 * Forms generated from a userTask's fields.
 * @module
 */
export { GeneratedForm, type GeneratedFormProps } from './GeneratedForm.tsx';
export { dateFormat, fromFormValues, toFormValues, type FormInputValue } from './form-values.ts';
export { submitGeneratedForm } from './submit-generated-form.ts';
