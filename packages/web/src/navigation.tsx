import type { ReactNode } from 'react';
import {
  CloudUploadOutlined,
  ContactsOutlined,
  DashboardOutlined,
  LineChartOutlined,
  ProfileOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { ROLES, type Role } from '@retail-value/core';
import type { WebMessageKey } from './i18n/zh-CN.js';

export interface NavItem {
  readonly path: string;
  readonly label: WebMessageKey;
  readonly icon: ReactNode;
  /** Who sees the entry and may open the page. */
  readonly roles: readonly Role[];
}

/**
 * The left menu, in order. A customer manager works on their own customers
 * (我的客户) rather than the company-wide list; schemes belong to analysts
 * and administrators; data imports and accounts to administrators.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined />, roles: ROLES },
  { path: '/customers', label: 'nav.customers', icon: <ShopOutlined />, roles: ['admin', 'analyst', 'district'] },
  { path: '/schemes', label: 'nav.schemes', icon: <ProfileOutlined />, roles: ['admin', 'analyst'] },
  { path: '/runs', label: 'nav.runs', icon: <LineChartOutlined />, roles: ['admin', 'analyst', 'district'] },
  { path: '/import', label: 'nav.import', icon: <CloudUploadOutlined />, roles: ['admin'] },
  { path: '/my-customers', label: 'nav.my_customers', icon: <ContactsOutlined />, roles: ['manager'] },
  { path: '/users', label: 'nav.users', icon: <TeamOutlined />, roles: ['admin'] },
];

export function navItem(path: string): NavItem {
  const item = NAV_ITEMS.find((candidate) => candidate.path === path);
  if (item === undefined) throw new Error(`no menu entry for ${path}`);
  return item;
}
