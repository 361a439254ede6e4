import type { Database } from '../db/database.js';
import { PROFILES } from './demo-distributions.js';
import { BRANDS, VARIANTS, type BrandTier } from './reference-data.js';
import { valuesTable } from './sql-constants.js';

/**
 * Price classes a brand tier's SKUs fall into, and the share of the lower
 * class. Premium brands are all 一类; the cheapest brands straddle 四类/五类.
 */
const TIER_CLASSES: Readonly<Record<BrandTier, { readonly upper: number; readonly lowerShare: number }>> = {
  premium: { upper: 1, lowerShare: 0 },
  upper: { upper: 1, lowerShare: 0.4 },
  middle: { upper: 2, lowerShare: 0.65 },
  economy: { upper: 3, lowerShare: 0.6 },
  budget: { upper: 4, lowerShare: 0.6 },
};

/**
 * 调拨价 (cost, yuan per carton, before tax) by price class, following the
 * reported scheme 一类 ≥ 100, 二类 70–100, 三类 30–70, 四类 16.5–30,
 * 五类 < 16.5. Premium 一类 brands reach 500 yuan a carton.
 */
const COST_SQL = `CASE
    WHEN price_class = 1 AND tier = 'premium' THEN 200 + pow(u_cost, 1.5) * 300
    WHEN price_class = 1 THEN 110 + u_cost * 90
    WHEN price_class = 2 THEN 70 + u_cost * 29.9
    WHEN price_class = 3 THEN 30 + u_cost * 39.9
    WHEN price_class = 4 THEN 16.5 + u_cost * 13.4
    ELSE 10 + u_cost * 6.4 END`;

/**
 * Builds the SKU catalogue (5–12 variants for each of 40 brands, about 340
 * SKUs) into `demo_product`, inserts it into `products`, and ranks SKUs per
 * buying profile into `demo_sku_rank`.
 */
export async function generateProducts(db: Database): Promise<void> {
  const brands = valuesTable(
    db.dialect,
    'b',
    ['brand_no', 'brand', 'tier', 'origin', 'upper_class', 'lower_share'],
    BRANDS.map((brand, index) => [
      index + 1,
      brand.name,
      brand.tier,
      brand.origin,
      TIER_CLASSES[brand.tier].upper,
      TIER_CLASSES[brand.tier].lowerShare,
    ]),
  );
  const variants = valuesTable(
    db.dialect,
    'v',
    ['variant_no', 'variant', 'slim'],
    VARIANTS.map((variant, index) => [index + 1, variant.name, variant.slim]),
  );
  await db.run(`CREATE TEMP TABLE demo_product AS
    WITH chosen AS (
      SELECT b.*, v.*,
        row_number() OVER (PARTITION BY b.brand_no ORDER BY demo_u2(b.brand_no, v.variant_no, 'sku.variant'), v.variant_no) AS pick,
        5 + floor(demo_u(b.brand_no, 'sku.count') * 8) AS sku_count,
        -- the province's own brands sell best at home
        (CASE b.origin WHEN 'in_province' THEN 1.6 ELSE 1.0 END) * (0.5 + demo_u(b.brand_no, 'brand.popularity')) AS brand_popularity
      FROM ${brands} CROSS JOIN ${variants}
    ), classed AS (
      SELECT c.*,
        c.upper_class + CASE WHEN demo_u2(c.brand_no, c.variant_no, 'sku.class') < c.lower_share THEN 1 ELSE 0 END AS price_class,
        demo_u2(c.brand_no, c.variant_no, 'sku.cost') AS u_cost,
        demo_u2(c.brand_no, c.variant_no, 'sku.new') < CASE WHEN c.slim THEN 0.2 ELSE 0.06 END AS is_new
      FROM chosen c
      WHERE c.pick <= c.sku_count
    ), priced AS (
      SELECT c.*, round(${COST_SQL}, 2) AS cost_price
      FROM classed c
    )
    SELECT printf('69010%03d%04d', brand_no, variant_no) AS sku,
      brand || variant AS name,
      brand,
      price_class::INTEGER AS price_class,
      cost_price,
      round(cost_price * (1.10 + 0.05 * demo_u2(brand_no, variant_no, 'sku.margin')), 2) AS wholesale_price,
      origin,
      CASE WHEN is_new
        THEN getvariable('demo_start') + floor((0.05 + 0.8 * demo_u2(brand_no, variant_no, 'sku.launch')) * (getvariable('demo_end') - getvariable('demo_start')))::INTEGER
        ELSE getvariable('demo_start') - (200 + floor(demo_u2(brand_no, variant_no, 'sku.launch') * 3000))::INTEGER
      END AS launch_date,
      demo_u2(brand_no, variant_no, 'sku.tar') < CASE WHEN slim THEN 0.35 ELSE 0.06 END AS low_tar,
      demo_u2(brand_no, variant_no, 'sku.scarce') < CASE price_class WHEN 1 THEN 0.3 WHEN 2 THEN 0.15 ELSE 0.02 END AS scarce,
      is_new,
      -- new SKUs start slowly: they sit lower in every assortment
      brand_popularity * (0.3 + demo_u2(brand_no, variant_no, 'sku.popularity')) * CASE WHEN is_new THEN 0.6 ELSE 1 END AS popularity
    FROM priced
    ORDER BY sku`);

  await db.run(`INSERT INTO products (sku, name, brand, price_class, cost_price, wholesale_price, retail_price, origin, launch_date, low_tar, scarce)
    SELECT sku, name, brand, price_class, cost_price, wholesale_price, round(wholesale_price * 1.1, 0), origin, launch_date, low_tar, scarce
    FROM demo_product ORDER BY sku`);

  const shares = valuesTable(
    db.dialect,
    's',
    ['profile', 'price_class', 'share'],
    PROFILES.flatMap((profile) => profile.classShares.map((share, index) => [profile.profile, index + 1, share])),
  );
  // Each profile's SKUs in a weighted random order (exponential race: the key
  // −ln(u) / w is smallest for heavy SKUs), so the first ranks of a profile
  // carry its price-class mix and its best sellers.
  await db.run(`CREATE TEMP TABLE demo_sku_rank AS
    WITH class_size AS (SELECT price_class, count(*) AS skus FROM demo_product GROUP BY price_class)
    SELECT s.profile,
      (row_number() OVER (PARTITION BY s.profile
        ORDER BY -ln(1 - demo_u2(s.profile, p.sku, 'sku.rank')) / (s.share / z.skus * p.popularity), p.sku) - 1)::INTEGER AS rank,
      p.sku, p.price_class, p.wholesale_price, p.scarce, p.launch_date
    FROM demo_product p
    JOIN class_size z USING (price_class)
    JOIN ${shares} ON s.price_class = p.price_class
    ORDER BY s.profile, rank`);
}
