import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context.js';

/** Labelled with the language it switches to: “English” in Chinese, “中文” in English. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('language.switch_title')}
      onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
      data-testid="language-switch"
    >
      {t('language.switch')}
    </Button>
  );
}
