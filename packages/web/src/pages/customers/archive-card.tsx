import { Descriptions } from 'antd';
import type { CustomerArchive } from '@retail-value/core';
import { zhCN, type WebMessageKey } from '../../i18n/zh-CN.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useCoreText } from '../../i18n/use-core-text.js';

/** The archive fields of a customer (客户档案), codes in words. */
export function ArchiveCard({ customer }: { readonly customer: CustomerArchive }) {
  const { t } = useI18n();
  const { label } = useCoreText();
  const coded = (prefix: string, value: string | null): string => {
    if (value === null) return '—';
    const key = `${prefix}.${value}`;
    return key in zhCN ? t(key as WebMessageKey) : value;
  };
  const items = [
    { key: 'license', label: t('customer.field.license'), children: customer.licenseNo ?? '—' },
    { key: 'format', label: t('customer.field.format'), children: label(`format.${customer.format}`) },
    { key: 'market', label: t('customer.field.market'), children: label(`market.${customer.market}`) },
    { key: 'district', label: t('customer.field.district'), children: customer.district },
    { key: 'route', label: t('customer.field.route'), children: customer.route ?? '—' },
    { key: 'manager', label: t('customer.field.manager'), children: customer.managerId ?? '—' },
    { key: 'status', label: t('customer.field.status'), children: coded('customer.status', customer.status) },
    { key: 'credit', label: t('customer.field.credit'), children: customer.creditGrade ?? '—' },
    { key: 'cycle', label: t('customer.field.order_cycle'), children: coded('customer.order_cycle', customer.orderCycle) },
    { key: 'licenseDate', label: t('customer.field.license_date'), children: customer.licenseDate ?? '—' },
    { key: 'scale', label: t('customer.field.scale'), children: coded('customer.scale', customer.scale) },
    { key: 'tradeArea', label: t('customer.field.trade_area'), children: coded('customer.trade_area', customer.tradeArea) },
    { key: 'terminal', label: t('customer.field.terminal'), children: coded('customer.terminal', customer.terminalType) },
    {
      key: 'area',
      label: t('customer.field.business_area'),
      children: customer.businessArea === null ? '—' : t('customer.area', { area: customer.businessArea }),
    },
    { key: 'address', label: t('customer.field.address'), children: customer.address ?? '—', span: 2 },
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} data-testid="archive" />;
}
