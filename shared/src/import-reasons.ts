// Why an import rejected a row or a whole file, as a code with parameters, written out in English or
// Chinese. The server stores the English text (logs, the CLI) beside the code; the Imports page and
// the errors CSV write the reason in the reader's language.
import type { ImportRowError } from './import.js';

export type ReasonParams = Record<string, string | number>;
type Text = (p: ReasonParams) => string;

/** "Lineitem price " before a cell's problem, when the column is known. */
const col = (p: ReasonParams) => (p.column ? `${p.column} ` : '');
const zhCol = (p: ReasonParams) => (p.column ? `${p.column}：` : '');
const MB = (p: ReasonParams) => Number(p.maxChars) / 1024 / 1024;

const GENERIC_KEYS_ZH: Record<string, string> = {
  'hour and source': '小时和渠道',
  'day, SKU and source': '日期、SKU 和渠道',
  'campaign and day': '广告计划和日期',
};

const REASONS = {
  // The file as a whole.
  xlsxOrZip: {
    en: () =>
      'This is an Excel workbook (.xlsx) or a ZIP archive, not a CSV file. Open it in Excel or WPS, save it as CSV (UTF-8), and upload that file; a ZIP archive, unpack it first.',
    zh: () =>
      '这是 Excel 工作簿（.xlsx）或 ZIP 压缩包，不是 CSV 文件。请用 Excel 或 WPS 打开，另存为 CSV（UTF-8）后上传；压缩包请先解压。',
  },
  xls: {
    en: () =>
      'This is an old Excel workbook (.xls), not a CSV file. Open it in Excel or WPS, save it as CSV (UTF-8), and upload that file.',
    zh: () =>
      '这是旧版 Excel 工作簿（.xls），不是 CSV 文件。请用 Excel 或 WPS 打开，另存为 CSV（UTF-8）后上传。',
  },
  gzip: {
    en: () => 'This file is compressed (gzip), not a CSV file. Unpack it and upload the CSV inside.',
    zh: () => '这是压缩文件（gzip），不是 CSV 文件。请解压后上传其中的 CSV。',
  },
  pdf: {
    en: () =>
      'This is a PDF document, not a CSV file. Upload the CSV export of your orders, products, traffic or ads.',
    zh: () => '这是 PDF 文档，不是 CSV 文件。请上传订单、商品、流量或广告的 CSV 导出文件。',
  },
  binary: {
    en: () =>
      'This file holds binary data, not text, so it is not a CSV file. Upload the CSV export itself (Shopify, Taobao/Tmall, or any CSV).',
    zh: () =>
      '这个文件是二进制数据而不是文本，不是 CSV 文件。请上传 CSV 导出文件本身（Shopify、淘宝/天猫或任意 CSV）。',
  },
  emptyFile: {
    en: () => 'The file is empty: it has no header row and no data.',
    zh: () => '文件是空的：没有表头，也没有数据。',
  },
  /** params: the header row's own problem, as problemCode beside that problem's params. */
  headerUnreadable: {
    en: (p) => `The header row cannot be read: ${innerReasonText(p, 'en')}`,
    zh: (p) => `无法读取表头：${innerReasonText(p, 'zh')}`,
  },
  notRecognized: {
    en: () =>
      'This file is not a Shopify orders or products export nor a Taobao order report. Choose the generic format and map its columns.',
    zh: () => '这个文件不是 Shopify 订单或商品导出，也不是淘宝订单报表。请选择“通用 CSV”格式并映射各列。',
  },
  mappingNeeded: {
    en: () => 'A generic CSV needs a column mapping: say which column holds each field.',
    zh: () => '通用 CSV 需要列映射：请指明每个字段在哪一列。',
  },
  taobaoAssistantPackage: {
    en: () =>
      'This is a 淘宝助理 (Taobao Assistant) item package, which holds listings, not orders. Export the 订单报表 (order report) from 卖家中心 → 已卖出的宝贝 → 批量导出 instead.',
    zh: () =>
      '这是淘宝助理的宝贝数据包，里面是商品而不是订单。请在 卖家中心 → 已卖出的宝贝 → 批量导出 导出订单报表后上传。',
  },
  missingColumns: {
    en: (p) =>
      `This ${p.format} file has no column ${p.columns}. Export the file again with all columns, or choose another format.`,
    zh: (p) => `这个 ${p.format} 文件缺少列 ${p.columns}。请导出包含全部列的文件，或选择其他格式。`,
  },
  encodingChanges: {
    en: (p) =>
      `The file is not valid ${p.encoding} near byte ${p.offset}: the encoding changes inside the file. Save it again as UTF-8 (or GBK) and upload it again.`,
    zh: (p) =>
      `文件在第 ${p.offset} 字节附近不是有效的 ${p.encoding}：文件中途换了编码。请重新另存为 UTF-8（或 GBK）后再上传。`,
  },
  rowTooLong: {
    en: (p) =>
      `The row starting on line ${p.line} is longer than ${MB(p)} MB: a quote (") is probably never closed there. Fix that line and upload the file again.`,
    zh: (p) =>
      `从第 ${p.line} 行开始的一行超过 ${MB(p)} MB：那里很可能有一个没有闭合的引号（"）。请修正该行后重新上传。`,
  },
  // A row as the CSV parser sees it.
  unclosedQuote: {
    en: () =>
      'A quoted value starting on this line is never closed; the file may be cut off. Check the quotes on this line.',
    zh: () => '从这一行开始的带引号的值没有闭合，文件可能被截断了。请检查这一行的引号。',
  },
  undoubledQuote: {
    en: () => 'A quote inside a quoted value is not doubled (write "" for ").',
    zh: () => '带引号的值里的引号没有成对书写（" 要写成 ""）。',
  },
  parseError: { en: (p) => String(p.message), zh: (p) => `CSV 解析错误：${p.message}` },
  rowCutOff: {
    en: (p) =>
      `The row has ${p.found} of the header's ${p.expected} columns: the line looks cut off. Export the file again.`,
    zh: (p) => `这一行只有 ${p.found} 列，表头有 ${p.expected} 列：这一行像是被截断了。请重新导出文件。`,
  },
  rowTooWide: {
    en: (p) =>
      `The row has ${p.found} values but the header has ${p.expected} columns; a value that contains a comma must be in quotes.`,
    zh: (p) => `这一行有 ${p.found} 个值，但表头只有 ${p.expected} 列；含逗号的值必须加引号。`,
  },
  // One cell.
  empty: { en: (p) => `${col(p)}is empty`, zh: (p) => `${zhCol(p)}不能为空` },
  tooLong: {
    en: (p) => `${col(p)}is longer than ${p.max} characters`,
    zh: (p) => `${zhCol(p)}超过 ${p.max} 个字符`,
  },
  notAmount: {
    en: (p) => `${col(p)}"${p.raw}" is not an amount; write it like 1659.95`,
    zh: (p) => `${zhCol(p)}“${p.raw}”不是金额，请写成 1659.95 这样的格式`,
  },
  amountTooLarge: {
    en: (p) => `${col(p)}"${p.raw}" is too large an amount`,
    zh: (p) => `${zhCol(p)}金额“${p.raw}”太大`,
  },
  notWholeNumber: {
    en: (p) => `${col(p)}"${p.raw}" is not a whole number`,
    zh: (p) => `${zhCol(p)}“${p.raw}”不是整数`,
  },
  numberTooLarge: { en: (p) => `${col(p)}"${p.raw}" is too large`, zh: (p) => `${zhCol(p)}“${p.raw}”太大` },
  notDateTime: {
    en: (p) => `${col(p)}"${p.raw}" is not a date and time; write it like 2026-11-11 20:00:00`,
    zh: (p) => `${zhCol(p)}“${p.raw}”不是日期时间，请写成 2026-11-11 20:00:00 这样的格式`,
  },
  notRealDateTime: {
    en: (p) => `${col(p)}"${p.raw}" is not a real date and time`,
    zh: (p) => `${zhCol(p)}“${p.raw}”不是真实存在的日期时间`,
  },
  notDay: {
    en: (p) => `${col(p)}"${p.raw}" is not a day; write it like 2026-11-11`,
    zh: (p) => `${zhCol(p)}“${p.raw}”不是日期，请写成 2026-11-11 这样的格式`,
  },
  notRealDay: {
    en: (p) => `${col(p)}"${p.raw}" is not a real calendar day`,
    zh: (p) => `${zhCol(p)}“${p.raw}”不是真实存在的日期`,
  },
  notTrafficSource: {
    en: (p) => `${col(p)}"${p.raw}" is not a traffic source; use one of ${p.sources}`,
    zh: (p) => `${zhCol(p)}“${p.raw}”不是流量渠道，请使用 ${p.sources} 之一`,
  },
  // Shopify orders.
  orderContinuesAway: {
    en: (p) =>
      `Order ${p.order} continues here, but its first row (with Financial Status and Total) is not directly above, so these rows are left out. Keep an order's rows together, as Shopify exports them, and import the file again.`,
    zh: (p) =>
      `订单 ${p.order} 在这里继续，但它的第一行（带 Financial Status 和 Total）不在正上方，所以这些行没有导入。请像 Shopify 导出时那样让同一订单的行连在一起，再导入一次。`,
  },
  discountTooLarge: {
    en: (p) => `Lineitem discount ${p.discount} is larger than quantity × price; check the line.`,
    zh: (p) => `Lineitem discount ${p.discount} 大于数量 × 单价，请检查这一行。`,
  },
  currencyMismatch: {
    en: (p) =>
      `Currency ${p.file} differs from the shop's currency ${p.shop}; import this file into a shop that keeps ${p.file}.`,
    zh: (p) => `币种 ${p.file} 与店铺币种 ${p.shop} 不同；请把这个文件导入使用 ${p.file} 的店铺。`,
  },
  leftOutWithOrder: {
    en: (p) => `Left out with order ${p.order}: its line ${p.rejectedLine} is rejected.`,
    zh: (p) => `随订单 ${p.order} 一起未导入：该订单的第 ${p.rejectedLine} 行被拒绝。`,
  },
  duplicateOrder: {
    en: (p) => `Order ${p.order} appears more than once in the file; only its first copy was kept.`,
    zh: (p) => `订单 ${p.order} 在文件中出现了不止一次，只保留了第一次出现的那一份。`,
  },
  // Taobao orders.
  unknownTaobaoStatus: {
    en: (p) =>
      `订单状态 "${p.status}" is not a status we know (交易成功, 交易关闭, 卖家已发货，等待买家确认, 买家已付款，等待卖家发货, 等待买家付款).`,
    zh: (p) =>
      `订单状态“${p.status}”无法识别（可用：交易成功、交易关闭、卖家已发货，等待买家确认、买家已付款，等待卖家发货、等待买家付款）。`,
  },
  zeroQuantity: {
    en: () => '宝贝总数量 is 0; an order holds at least one item.',
    zh: () => '宝贝总数量为 0；一笔订单至少要有一件宝贝。',
  },
  // Shopify products.
  productWithoutTitle: {
    en: (p) =>
      `Product ${p.handle} has no Title on its first row; its first row must carry the product's fields.`,
    zh: (p) => `商品 ${p.handle} 的第一行没有 Title；第一行必须带有商品的字段。`,
  },
  variantWithoutPrice: {
    en: (p) => `${p.column} is empty; every variant needs a price.`,
    zh: (p) => `${p.column} 为空；每个款式都需要价格。`,
  },
  duplicateSku: {
    en: (p) => `SKU ${p.sku} is already on line ${p.firstLine}; each variant needs its own SKU code.`,
    zh: (p) => `SKU ${p.sku} 已经出现在第 ${p.firstLine} 行；每个款式都需要自己的 SKU 编码。`,
  },
  // Generic CSV.
  duplicateKey: {
    en: (p) => `Same ${p.key} as line ${p.firstLine}; keep one row for each.`,
    zh: (p) => `${GENERIC_KEYS_ZH[String(p.key)] ?? p.key}与第 ${p.firstLine} 行相同；每种组合只保留一行。`,
  },
  unknownSku: {
    en: (p) => `SKU ${p.sku} is not in this shop; import the products (or orders) that have it first.`,
    zh: (p) => `店铺里没有 SKU ${p.sku}；请先导入含有它的商品（或订单）。`,
  },
} satisfies Record<string, { en: Text; zh: Text }>;

export type ImportReasonCode = keyof typeof REASONS;
export const REASON_LANGUAGES = ['en', 'zh'] as const;
export type ReasonLanguage = (typeof REASON_LANGUAGES)[number];

export interface ImportReason {
  code: ImportReasonCode;
  params: ReasonParams;
}

export function isImportReasonCode(code: unknown): code is ImportReasonCode {
  return typeof code === 'string' && Object.hasOwn(REASONS, code);
}

export function reasonText(reason: ImportReason, language: ReasonLanguage = 'en'): string {
  return REASONS[reason.code][language](reason.params);
}

/** A reason about another reason (the header's problem) carries it flat: its code as problemCode. */
function innerReasonText(params: ReasonParams, language: ReasonLanguage): string {
  const { problemCode, ...inner } = params;
  return isImportReasonCode(problemCode) ? reasonText({ code: problemCode, params: inner }, language) : '';
}

/**
 * True for a row rejected only because another row of its order was: a Shopify order is imported
 * whole or not at all, and each of its other rows says so, so every rejected row is listed.
 */
export function isLeftOutWithOrder(error: Pick<ImportRowError, 'code'>): boolean {
  return error.code === 'leftOutWithOrder';
}

/** A row error in the reader's language; errors stored before reasons had codes keep their English. */
export function localizedReason(
  error: Pick<ImportRowError, 'reason' | 'code' | 'params'>,
  language: ReasonLanguage,
): string {
  if (!isImportReasonCode(error.code)) return error.reason;
  return reasonText({ code: error.code, params: error.params ?? {} }, language);
}

/** A row error with its reason as code, parameters and English text. */
export function rowError(
  line: number,
  column: string | null,
  value: string | null,
  reason: ImportReason,
): ImportRowError {
  return { line, column, value, reason: reasonText(reason), code: reason.code, params: reason.params };
}
