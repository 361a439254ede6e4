import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app.js';
import './styles.css';

// The server's Content-Security-Policy forbids eval; without this zod probes `new Function`
// to compile parsers and the browser reports a CSP violation.
z.config({ jitless: true });

const root = document.getElementById('root');
if (root === null) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
