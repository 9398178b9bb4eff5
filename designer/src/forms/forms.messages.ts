import { defineMessages } from '../i18n/define-messages.ts';

/** Messages of generated forms. */
export const formsMessages = defineMessages(
  {
    required: (label: string) => `请填写“${label}”`,
    requiredChoice: (label: string) => `请选择“${label}”`,
    yes: '是',
    no: '否',
    selectPlaceholder: '请选择',
    datePlaceholder: '请选择日期',
    noFields: '此环节无需填写表单。',
  },
  {
    required: (label: string) => `Please fill in "${label}"`,
    requiredChoice: (label: string) => `Please choose "${label}"`,
    yes: 'Yes',
    no: 'No',
    selectPlaceholder: 'Select',
    datePlaceholder: 'Select a date',
    noFields: 'This step has no form to fill in.',
  },
);
