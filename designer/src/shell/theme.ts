import type { ThemeConfig } from 'antd';

/** The console's restrained palette: a deep government blue on light neutral surfaces. */
export const tongbanTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1f4e8c',
    colorBgLayout: '#f3f5f8',
    borderRadius: 4,
    fontFamily:
      '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", -apple-system, "Segoe UI", Roboto, sans-serif',
  },
  components: {
    Layout: { headerBg: '#14325a', headerHeight: 56, headerPadding: '0 24px', footerBg: 'transparent' },
    Menu: { darkItemBg: '#14325a', darkItemSelectedBg: '#1f4e8c', darkPopupBg: '#14325a' },
    Table: { headerBg: '#f0f3f7' },
  },
};

/** Header colour, shared by the header bar and the login banner. */
export const headerColor = '#14325a';
