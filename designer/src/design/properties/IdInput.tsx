import { idSchema } from '@tongban/engine';
import { Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/index.ts';
import { designMessages } from '../messages.ts';

/**
 * A node's id, renamed when the field is left or Enter is pressed, and only when the new id
 * follows the id rule and no other node or edge has it.
 */
export function IdInput({ id, taken, onRename }: { id: string; taken: ReadonlySet<string>; onRename(newId: string): void }) {
  const t = useMessages(designMessages);
  const [text, setText] = useState(id);
  useEffect(() => setText(id), [id]);
  const problem = text === id ? null : !idSchema.safeParse(text).success ? t.properties.idInvalid : taken.has(text) ? t.properties.idTaken : null;
  const commit = () => {
    if (text !== id && problem === null) onRename(text);
  };
  return (
    <>
      <Input
        value={text}
        status={problem === null ? undefined : 'error'}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onPressEnter={commit}
        aria-label={t.properties.id}
        data-testid="prop-id"
      />
      {problem !== null && (
        <Typography.Text type="danger" data-testid="prop-id-problem">
          {problem}
        </Typography.Text>
      )}
    </>
  );
}
