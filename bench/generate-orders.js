// Writes a synthetic customers.csv, products.csv and an orders.csv of the
// requested number of order lines, for the import benchmark
// (bench/import-orders.js). Deterministic: the same arguments give the same
// bytes. The files are large and are not committed.
//
//   node bench/generate-orders.js --lines 10000000 --out /tmp/rv-bench
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '10000000' },
    out: { type: 'string', default: '/tmp/rv-bench' },
    customers: { type: 'string', default: '20000' },
    products: { type: 'string', default: '400' },
  },
});
const lineCount = Number(values.lines);
const customerCount = Number(values.customers);
const productCount = Number(values.products);
mkdirSync(values.out, { recursive: true });

/** mulberry32: a small seeded generator, so runs are reproducible. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20240105);

async function writeFile(name, header, rows) {
  const out = createWriteStream(join(values.out, name));
  let buffer = `${header}\n`;
  for (const row of rows) {
    buffer += `${row}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const customerId = (index) => `C${String(index).padStart(8, '0')}`;
const sku = (index) => `69010${String(index).padStart(8, '0')}`;
const formats = ['Z', 'B', 'S', 'Y', 'F', 'N', 'Q'];

function* customers() {
  for (let i = 0; i < customerCount; i += 1) {
    const format = formats[Math.floor(next() * formats.length)];
    const market = next() < 0.6 ? 'urban' : 'rural';
    yield `${customerId(i)},L${i},Store ${i},${format},${market},D${i % 12},R${i % 300},M${i % 100},2015-03-01,normal,A,weekly`;
  }
}

const prices = [];
function* products() {
  for (let i = 0; i < productCount; i += 1) {
    const priceClass = 1 + (i % 5);
    const cost = [0, 180, 90, 50, 25, 12][priceClass] * (0.8 + next() * 0.4);
    const wholesale = Math.round(cost * 1.12 * 100) / 100;
    prices.push(wholesale);
    yield `${sku(i)},Brand ${i},B${i % 40},${priceClass},${cost.toFixed(2)},${wholesale.toFixed(2)},,in_province,2020-01-01`;
  }
}

function* orders() {
  let written = 0;
  const start = Date.UTC(2022, 0, 3);
  for (let week = 0; written < lineCount; week += 1) {
    const date = new Date(start + week * 7 * 86_400_000).toISOString().slice(0, 10);
    const compact = date.replaceAll('-', '');
    for (let c = 0; c < customerCount && written < lineCount; c += 1) {
      const lines = 10 + Math.floor(next() * 21);
      const first = Math.floor(next() * productCount);
      for (let k = 0; k < lines && written < lineCount; k += 1) {
        const product = (first + k * 7) % productCount;
        const qty = 1 + Math.floor(next() * 10);
        const amount = (qty * prices[product]).toFixed(2);
        yield `O${compact}${String(c).padStart(8, '0')},${customerId(c)},${date},${sku(product)},${qty},${amount}`;
        written += 1;
      }
    }
  }
}

await writeFile('customers.csv', 'customer_id,license_no,name,format,market,district,route,manager_id,license_date,status,credit_grade,order_cycle', customers());
await writeFile('products.csv', 'sku,name,brand,price_class,cost_price,wholesale_price,retail_price,origin,launch_date', products());
await writeFile('orders.csv', 'order_id,customer_id,order_date,sku,qty,amount', orders());
console.log(`wrote ${customerCount} customers, ${productCount} products, ${lineCount} order lines to ${values.out}`);
