import { defineCatalog } from '../locale.js';

export const commonMessages = defineCatalog(
  {
    'issue.location.file': '文件 {file}',
    'issue.location.row': '第 {row} 行',
    'issue.location.column': '列“{column}”',
    'issue.location.value': '值“{value}”',
    'issue.separator': '，',
    'issue.colon': '：',
    'error.unexpected': '意外错误：{message}',
    'error.not_found': '未找到：{what}',
  },
  {
    'issue.location.file': 'file {file}',
    'issue.location.row': 'row {row}',
    'issue.location.column': 'column "{column}"',
    'issue.location.value': 'value "{value}"',
    'issue.separator': ', ',
    'issue.colon': ': ',
    'error.unexpected': 'unexpected error: {message}',
    'error.not_found': 'not found: {what}',
  },
);
