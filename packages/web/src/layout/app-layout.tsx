import { Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useUser } from '../auth/session-context.js';
import { useI18n } from '../i18n/i18n-context.js';
import { NAV_ITEMS } from '../navigation.js';
import { LanguageSwitch } from './language-switch.js';
import { ProductMark } from './product-mark.js';
import { ROLE_COLORS } from './role-colors.js';

/** Menu on the left, the user and language on top, the page below. */
export function AppLayout() {
  const { t, roleLabel } = useI18n();
  const { logout } = useSession();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const items = NAV_ITEMS.filter((item) => item.roles.includes(user.role)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(item.label),
  }));
  const selected = NAV_ITEMS.filter((item) => item.path !== '/' && location.pathname.startsWith(item.path)).map((item) => item.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #eef0f3' }}>
        <div style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 18px', borderBottom: '1px solid #eef0f3' }}>
          <ProductMark />
        </div>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selected.length > 0 ? selected : ['/']}
          onClick={({ key }) => navigate(key)}
          style={{ borderInlineEnd: 'none', paddingTop: 8 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ borderBottom: '1px solid #eef0f3' }}>
          <Flex justify="flex-end" align="center" style={{ height: '100%' }} gap={8}>
            <LanguageSwitch />
            <Space size={8} data-testid="current-user">
              <UserOutlined />
              <Typography.Text strong>{user.username}</Typography.Text>
              <Tag color={ROLE_COLORS[user.role]} style={{ marginInlineEnd: 0 }}>
                {roleLabel(user.role)}
              </Tag>
            </Space>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
              {t('header.logout')}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
