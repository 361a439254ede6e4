import type { ThemeConfig } from 'antd';

/**
 * Chinese faces first after the system UI fonts: PingFang (macOS), Microsoft
 * YaHei (Windows), Noto Sans CJK / Source Han Sans and WenQuanYi (Linux, e.g.
 * Debian's fonts-noto-cjk), so Chinese never falls back to a serif or bitmap face.
 */
export const FONT_FAMILY = [
  '-apple-system',
  'BlinkMacSystemFont',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Source Han Sans SC"',
  '"WenQuanYi Micro Hei"',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const THEME: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    colorPrimary: '#1f5fa8',
    borderRadius: 6,
    colorBgLayout: '#f4f6f9',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 24px' },
  },
};
