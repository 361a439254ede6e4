import { customersZhCN } from './areas/customers-texts.js';
import { dashboardZhCN } from './areas/dashboard-texts.js';
import { importZhCN } from './areas/import-texts.js';
import { runsZhCN } from './areas/runs-texts.js';
import { schemesZhCN } from './areas/schemes-texts.js';

/**
 * The web UI's own texts. Chinese is the source; en.ts must carry the same
 * keys. Larger areas keep theirs in areas/*-texts.ts, spread in here.
 */
export const zhCN = {
  ...dashboardZhCN,
  ...customersZhCN,
  ...importZhCN,
  ...runsZhCN,
  ...schemesZhCN,
  'app.name': '零售客户价值管理系统',
  'app.tagline': '零售客户价值评价、分类与服务',
  'language.switch': 'English',
  'language.switch_title': '切换为英文界面',
  'nav.dashboard': '总览',
  'nav.customers': '客户',
  'nav.schemes': '评价方案',
  'nav.runs': '评价',
  'nav.import': '数据导入',
  'nav.my_customers': '我的客户',
  'nav.users': '用户',
  'header.logout': '退出登录',
  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.username_required': '请输入用户名',
  'login.password_required': '请输入密码',
  'users.description': '管理登录账户，查看审计日志。',
  'users.tab.accounts': '账户',
  'users.tab.audit': '审计日志',
  'users.add': '添加用户',
  'users.added': '已添加用户 {username}',
  'users.column.username': '用户名',
  'users.column.role': '角色',
  'users.column.district': '区县',
  'users.column.manager_id': '客户经理编号',
  'users.column.created_at': '创建时间',
  'users.form.password': '初始密码',
  'users.form.password_hint': '至少 8 个字符',
  'users.form.district_hint': '区县负责人可查看该区县的全部客户',
  'users.form.manager_id_hint': '与客户档案中的客户经理编号一致',
  'users.form.required': '必填',
  'users.form.submit': '添加',
  'users.form.cancel': '取消',
  'audit.column.at': '时间',
  'audit.column.user': '操作人',
  'audit.column.action': '操作',
  'audit.column.target': '对象',
  'audit.column.detail': '详情',
  'audit.action.auth.login': '登录',
  'audit.action.auth.login_failed': '登录失败',
  'audit.action.auth.logout': '退出登录',
  'audit.action.user.create': '添加用户',
  'audit.total': '共 {total} 条',
  'forbidden.title': '无权访问',
  'forbidden.description': '您的角色无权查看此页面。',
  'error.load': '加载失败：{message}',
  'error.network': '无法连接服务器',
  'common.retry': '重试',
} as const;

export type WebMessageKey = keyof typeof zhCN;
