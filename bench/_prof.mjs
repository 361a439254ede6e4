import { generateBgNbdCustomers, TRUE_PARAMS } from '/work/main/bench/clv.js';
import { groupPatterns, fitBgNbd } from '@retail-value/core';
const n = 1000000;
const {x,tx,T} = generateBgNbdCustomers(n, TRUE_PARAMS, 1);
const rows = new Array(n); for (let i=0;i<n;i++) rows[i]={x:x[i],tx:tx[i],T:T[i]};
const p = groupPatterns(rows);
for (let k=0;k<3;k++){ const t0=performance.now(); const f=fitBgNbd(p); console.log('fit', performance.now()-t0); }
