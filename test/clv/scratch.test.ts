import { test } from 'vitest';
import { fitGammaGamma, fitBgNbd, fitParetoNbd, minimizeBfgs } from '@retail-value/core';
import { cdnowSummary, cdnowPatterns } from './cdnow-sample.js';
test('scratch', () => {
  const s = cdnowSummary().filter(c=>c.x>0);
  for (let k=0;k<3;k++){
  let t0=performance.now();
  let fit = fitGammaGamma(s);
  console.log('gg', fit.iterations, performance.now()-t0);
  t0=performance.now();
  fit = fitBgNbd(cdnowPatterns());
  console.log('bg', fit.iterations, performance.now()-t0);
  t0=performance.now();
  fit = fitParetoNbd(cdnowPatterns());
  console.log('pn', fit.iterations, performance.now()-t0);
  }
});
