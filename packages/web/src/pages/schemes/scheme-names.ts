import { useCallback } from 'react';
import { DIMENSION_INFO, DIMENSIONS, indicatorByCode, SIDE_NAMES, type DimensionCode, type Scheme } from '@retail-value/core';
import { useI18n } from '../../i18n/i18n-context.js';

/** Names of the codes a scheme weighs (sides, dimensions, indicators, its own custom indicators) in the user's language. */
export function useSchemeNames(scheme: Scheme | undefined): (code: string) => string {
  const { locale } = useI18n();
  return useCallback(
    (code: string) => {
      const custom = scheme?.customIndicators.find((indicator) => indicator.code === code);
      const text =
        code === 'current' || code === 'potential'
          ? SIDE_NAMES[code][locale]
          : (DIMENSIONS as readonly string[]).includes(code)
            ? DIMENSION_INFO[code as DimensionCode].name[locale]
            : ((custom ?? indicatorByCode(code))?.name[locale] ?? code);
      // The library words names for running text; as labels, English ones start with a capital.
      return locale === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    },
    [scheme, locale],
  );
}

/** A segment's name: urban, rural, or everyone. */
export function useSegmentName(): (segment: string) => string {
  const { t } = useI18n();
  return useCallback((segment: string) => (segment === 'all' ? t('schemes.segment.all') : t(`schemes.segment.${segment === 'rural' ? 'rural' : 'urban'}`)), [t]);
}
