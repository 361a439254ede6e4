import { useI18n } from '../i18n/i18n-context.js';

/** The product's logo and name, as in the menu header and on the sign-in page. */
export function ProductMark({ size = 15 }: { readonly size?: number }) {
  const { t } = useI18n();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 10, whiteSpace: 'nowrap' }}>
      <img src="/favicon.svg" alt="" width={size + 9} height={size + 9} />
      <span style={{ fontSize: size, fontWeight: 600, color: '#1f2d3d', letterSpacing: 0.5 }}>{t('app.name')}</span>
    </span>
  );
}
