import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { useAuth } from '../shell/AuthProvider.tsx';
import { canFileCases } from './can-file-cases.ts';
import { intakeMessages } from './intake.messages.ts';
import { NewCaseDialog } from './NewCaseDialog.tsx';

/** "New application" with its dialog, for users who file cases (service hall, admin); nothing for others. */
export function NewCaseButton() {
  const t = useMessages(intakeMessages);
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  if (user === null || !canFileCases(user)) return null;
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-case">
        {t.newCase}
      </Button>
      <NewCaseDialog open={open} user={user} onClose={() => setOpen(false)} />
    </>
  );
}
