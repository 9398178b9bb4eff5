import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LocaleProvider } from '../i18n/index.ts';
import type { PublishedWorkflow } from './design-api.ts';
import { OpenDialog } from './OpenDialog.tsx';

const published: PublishedWorkflow[] = [
  { key: 'open-restaurant', version: 3, name: '开办餐饮店', publishedAt: '2026-11-02T01:00:00.000Z', publishedBy: 'designer', changeNote: null, versions: [1, 2, 3] },
];

function renderDialog() {
  const onOpenVersion = vi.fn<(key: string, version: number) => void>();
  render(
    <LocaleProvider initial="zh-CN">
      <OpenDialog open published={published} publishedError={false} drafts={[]} onOpenVersion={onOpenVersion} onOpenDraft={vi.fn()} onClose={vi.fn()} />
    </LocaleProvider>,
  );
  return onOpenVersion;
}

describe('OpenDialog', () => {
  it('opens the latest version when the workflow row is clicked', () => {
    const onOpenVersion = renderDialog();
    fireEvent.click(screen.getByText('开办餐饮店'));
    expect(onOpenVersion).toHaveBeenCalledExactlyOnceWith('open-restaurant', 3);
  });

  it('opens the version whose tag is clicked, once', () => {
    const onOpenVersion = renderDialog();
    fireEvent.click(screen.getByTestId('open-open-restaurant-v1'));
    expect(onOpenVersion).toHaveBeenCalledExactlyOnceWith('open-restaurant', 1);
  });
});
