import { defineCatalog } from '../locale.js';

export const httpMessages = defineCatalog(
  {
    'http.unauthorized': '请先登录',
    'http.forbidden': '您的角色无权执行此操作',
    'http.csrf_invalid': '请求缺少有效的安全令牌，请刷新页面后重试',
    'http.bad_credentials': '用户名或密码错误',
    'http.too_many_attempts': '登录失败次数过多，请 {minutes} 分钟后再试',
    'http.invalid_request': '请求内容有误',
    'http.invalid_json': '请求体不是有效的 JSON',
    'http.not_found': '没有这个接口',
    'serve.listening': '零售客户价值管理系统已启动：{url}',
    'serve.web_missing': '未找到网页界面（{path}），请先运行 npm run build；接口仍可使用',
    'serve.stopping': '正在停止……',
    'serve.port_invalid': '端口须为 0–65535 的整数',
  },
  {
    'http.unauthorized': 'sign in first',
    'http.forbidden': 'your role may not do this',
    'http.csrf_invalid': 'the request lacks a valid security token; reload the page and try again',
    'http.bad_credentials': 'wrong username or password',
    'http.too_many_attempts': 'too many failed sign-in attempts; try again in {minutes} minutes',
    'http.invalid_request': 'the request is invalid',
    'http.invalid_json': 'the request body is not valid JSON',
    'http.not_found': 'no such endpoint',
    'serve.listening': 'Retail Value is running at {url}',
    'serve.web_missing': 'web UI not found ({path}); run npm run build first. The API still works',
    'serve.stopping': 'stopping…',
    'serve.port_invalid': 'the port is a whole number from 0 to 65535',
  },
);
