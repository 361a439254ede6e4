import { TRUE_PARAMS, generateBgNbdCustomers } from '/work/main/bench/_clvmid.mjs';
import { groupPatterns, fitBgNbd } from '@retail-value/core';
const n = 1000000;
for (const seed of [1,2]) {
const {x,tx,T} = generateBgNbdCustomers(n, TRUE_PARAMS, seed);
const rows = new Array(n); for (let i=0;i<n;i++) rows[i]={x:x[i],tx:tx[i],T:T[i]};
const p = groupPatterns(rows);
const f=fitBgNbd(p); console.log(seed, p.length, f.params);
}
